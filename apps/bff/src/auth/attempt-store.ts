// Where sign-in attempts are counted. A port, so the counts can move to a shared store (Redis:
// INCR + PEXPIRE NX, DECR, DEL) when several BFF replicas sit behind one address; the in-memory
// adapter serves one process. Every operation is atomic per key, which is what lets the limiter
// reserve an attempt before the slow password hash: concurrent callers see distinct counts.

export interface AttemptWindow {
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** When the window closes and the count starts again from zero (epoch ms). */
  resetAt: number;
}

export interface AttemptStore {
  /** Counts one attempt for `key`, opening a window of `windowMs` if none is open. */
  add(key: string, windowMs: number): Promise<AttemptWindow>;
  /** Takes back one counted attempt (one that was refused unheard, or that succeeded). */
  remove(key: string): Promise<void>;
  /** Forgets the key. */
  reset(key: string): Promise<void>;
}

export function createMemoryAttemptStore(
  opts: { now?: () => number; maxKeys?: number } = {},
): AttemptStore {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 50_000;
  const windows = new Map<string, AttemptWindow>();
  const live = (key: string) => {
    const w = windows.get(key);
    if (w && w.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    add(key, windowMs) {
      let w = live(key);
      if (w) w.count += 1;
      else {
        w = { count: 1, resetAt: now() + windowMs };
        windows.set(key, w);
        // Bound memory under a spray of usernames: forget the oldest window (insertion order).
        if (windows.size > maxKeys) {
          const oldest = windows.keys().next();
          if (!oldest.done) windows.delete(oldest.value);
        }
      }
      return Promise.resolve({ ...w });
    },
    remove(key) {
      const w = live(key);
      if (w) w.count = Math.max(0, w.count - 1);
      return Promise.resolve();
    },
    reset(key) {
      windows.delete(key);
      return Promise.resolve();
    },
  };
}
