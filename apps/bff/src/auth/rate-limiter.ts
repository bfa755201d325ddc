// Failed sign-ins per key in a fixed window: enough to stop password guessing against a small
// users file without a store; successful sign-ins never count.
export interface FailureLimiter {
  /** Seconds to wait when the key is blocked, else 0. */
  retryAfterSec(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

export function createFailureLimiter(opts: {
  max: number;
  windowMs: number;
  now?: () => number;
}): FailureLimiter {
  const now = opts.now ?? Date.now;
  const hits = new Map<string, { count: number; resetAt: number }>();
  const live = (key: string) => {
    const h = hits.get(key);
    if (h && h.resetAt <= now()) {
      hits.delete(key);
      return undefined;
    }
    return h;
  };
  return {
    retryAfterSec(key) {
      const h = live(key);
      return h && h.count >= opts.max ? Math.max(1, Math.ceil((h.resetAt - now()) / 1000)) : 0;
    },
    fail(key) {
      const h = live(key);
      if (h) h.count += 1;
      else hits.set(key, { count: 1, resetAt: now() + opts.windowMs });
      // Bound memory under a spray of usernames: forget the oldest entries.
      if (hits.size > 10_000) {
        const first = hits.keys().next();
        if (!first.done) hits.delete(first.value);
      }
    },
    reset(key) {
      hits.delete(key);
    },
  };
}
