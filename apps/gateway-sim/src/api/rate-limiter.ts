// Per-agent overload control (REFERENCE §7: 5 queries per 2 s per agent by default). A sliding
// window of accepted calls; a rejected call does not use up the window, as the gateway drops it.

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly maxSeen = new Map<string, number>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records the call and answers true when it is within the limit; false when over it. */
  tryAcquire(workno: string, now: number): boolean {
    const from = now - this.windowMs;
    const stamps = (this.windows.get(workno) ?? []).filter((t) => t > from);
    if (stamps.length >= this.max) {
      this.windows.set(workno, stamps);
      return false;
    }
    stamps.push(now);
    this.windows.set(workno, stamps);
    if (stamps.length > (this.maxSeen.get(workno) ?? 0)) this.maxSeen.set(workno, stamps.length);
    return true;
  }

  message(): string {
    return `Overload control: more than ${this.max} queries in ${this.windowMs / 1000} s`;
  }

  maxInWindow(): Record<string, number> {
    return Object.fromEntries(this.maxSeen);
  }

  resetStats(): void {
    this.maxSeen.clear();
  }
}
