// Per-agent overload control (docs/gateway.md §Limits and transport: 5 queries per 2 s per agent
// by default). A sliding window of accepted calls; a rejected call does not use up the window, as
// the gateway drops it. How a refusal is answered is not documented, so it is a setting.

/**
 * `retcode`: HTTP 200 with retcode 000-007 (the default, the gateway's "repeated invocation");
 * `http-429` / `http-503`: that HTTP status with Retry-After, as a proxy in front might answer.
 */
export const REFUSAL_MODES = ['retcode', 'http-429', 'http-503'] as const;
export type RefusalMode = (typeof REFUSAL_MODES)[number];

export interface RateLimitSettings {
  max: number;
  windowMs: number;
  refusal: RefusalMode;
}

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly maxSeen = new Map<string, number>();

  constructor(private settings: RateLimitSettings) {}

  get max(): number {
    return this.settings.max;
  }

  get windowMs(): number {
    return this.settings.windowMs;
  }

  get refusal(): RefusalMode {
    return this.settings.refusal;
  }

  current(): RateLimitSettings {
    return { ...this.settings };
  }

  configure(patch: Partial<RateLimitSettings>): RateLimitSettings {
    this.settings = { ...this.settings, ...definedOnly(patch) };
    return this.current();
  }

  /** Records the call and answers true when it is within the limit; false when over it. */
  tryAcquire(workno: string, now: number): boolean {
    const from = now - this.settings.windowMs;
    const stamps = (this.windows.get(workno) ?? []).filter((t) => t > from);
    if (stamps.length >= this.settings.max) {
      this.windows.set(workno, stamps);
      return false;
    }
    stamps.push(now);
    this.windows.set(workno, stamps);
    if (stamps.length > (this.maxSeen.get(workno) ?? 0)) this.maxSeen.set(workno, stamps.length);
    return true;
  }

  message(): string {
    return `Overload control: more than ${this.settings.max} queries in ${this.settings.windowMs / 1000} s`;
  }

  /** Whole seconds until a slot may free up, for Retry-After. */
  retryAfterS(): number {
    return Math.max(1, Math.ceil(this.settings.windowMs / 1000));
  }

  maxInWindow(): Record<string, number> {
    return Object.fromEntries(this.maxSeen);
  }

  resetStats(): void {
    this.maxSeen.clear();
  }

  /** Forgets every window (a restarted gateway starts counting afresh). */
  clearWindows(): void {
    this.windows.clear();
  }
}

function definedOnly<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
