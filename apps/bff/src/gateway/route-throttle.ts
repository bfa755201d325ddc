// The per-route throttle after a fatal answer to a data query (300-001 "no right" and the like).
// The session itself is fine, so it stays signed in; only the refused route is held back, to one
// probe per probeMs. Probing a data query cannot lock the account (only a sign-in with a wrong
// password counts towards that), so the probe can be frequent: an operator who restores the
// right sees the screens recover within one probe interval (docs/gateway.md §Error codes).
// Per route, because a right can cover one query and not another: a success elsewhere must
// neither clear the refusal nor unthrottle the refused query.
import type { GatewayError } from '@floorwatch/contracts/api';

/** How often a refused data query is tried again unless configured (CCGW_NO_RIGHT_PROBE_MS). */
export const DEFAULT_NO_RIGHT_PROBE_MS = 30_000;

export interface RouteThrottleOptions {
  probeMs: number;
  now: () => number;
}

export interface RouteThrottle {
  /** null: the call may go (the route is not refused, or this call is its probe; the next
   *  probe is then probeMs away). Otherwise the recorded error: refuse without calling. */
  admit(route: string): GatewayError | null;
  /** Records a fatal answer on `route`; `critical` refusals make the session fatal. Returns true
   *  when the route was not refused before. */
  refuse(route: string, error: GatewayError, critical: boolean): boolean;
  /** A success on `route`: returns true when that ended a refusal. */
  allow(route: string): boolean;
  /** The error of a critical refused route, if any. */
  criticalError(): GatewayError | null;
  /** Forgets every refusal (a new session is a new start). */
  clear(): void;
}

interface Refusal {
  error: GatewayError;
  nextProbeAt: number;
  critical: boolean;
}

export function createRouteThrottle(opts: RouteThrottleOptions): RouteThrottle {
  const refused = new Map<string, Refusal>();
  return {
    admit(route) {
      const r = refused.get(route);
      if (!r) return null;
      const t = opts.now();
      if (t < r.nextProbeAt) return r.error;
      // This call is the probe; callers arriving while it is on the wire are still refused.
      r.nextProbeAt = t + opts.probeMs;
      return null;
    },
    refuse(route, error, critical) {
      const isNew = !refused.has(route);
      refused.set(route, { error, nextProbeAt: opts.now() + opts.probeMs, critical });
      return isNew;
    },
    allow(route) {
      return refused.delete(route);
    },
    criticalError() {
      for (const r of refused.values()) if (r.critical) return r.error;
      return null;
    },
    clear() {
      refused.clear();
    },
  };
}
