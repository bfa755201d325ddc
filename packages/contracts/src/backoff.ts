// Capped exponential back-off with "equal jitter", shared by the BFF (re-sign-in after a lost
// gateway session, a refused event poll) and the SPA (live-stream reconnect). Pure: the random
// source is injected so callers and tests can pin it.

export interface BackoffOptions {
  /** Delay step of the first retry (attempt 0), in ms. */
  initialMs: number;
  /** No delay is ever longer than this, jitter included. */
  maxMs: number;
  /** Returns a number in [0, 1); Math.random when omitted. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (0 for the first retry): the step doubles per attempt
 * up to `maxMs`, and the delay lies between half the step and the whole step. Half fixed, half
 * random: many clients that failed together spread out, and none retries sooner than half the
 * step, so a retry never turns into a burst.
 */
export function backoff(attempt: number, opts: BackoffOptions): number {
  const n = Number.isFinite(attempt) ? Math.min(Math.max(0, Math.floor(attempt)), 30) : 0;
  const step = Math.min(Math.max(0, opts.maxMs), Math.max(0, opts.initialMs) * 2 ** n);
  const r = Math.min(1, Math.max(0, (opts.random ?? Math.random)()));
  return Math.round(step / 2 + (r * step) / 2);
}
