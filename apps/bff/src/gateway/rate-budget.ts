// The gateway allows a handful of queries per agent in a sliding window (5 per 2 s by default,
// REFERENCE §7) and counts every call of the session against it, the keep-alive poll included.
// One budget per session object, shared by every caller, so no mix of callers can exceed it.
import type { BudgetCaller } from './types';
import { GatewayCallError } from './gateway-call-error';

/** Lower number goes first: losing the keep-alive loses the session, losing the proxy loses
 *  nothing the dashboard needs. */
export const CALLER_PRIORITY: Record<BudgetCaller, number> = {
  keepalive: 0,
  session: 1,
  agents: 2,
  queues: 3,
  skills: 4,
  proxy: 5,
};

export interface RateBudgetOptions {
  max: number;
  windowMs: number;
  /** Added to the window because the gateway's clock and its notion of "arrival" differ from
   *  ours; a grant is only counted as gone once windowMs + headroomMs have passed. */
  headroomMs?: number;
  now?: () => number;
  onWait?: (caller: BudgetCaller) => void;
}

export interface RateBudget {
  acquire(caller: BudgetCaller): Promise<void>;
  /** Grants within the (padded) window right now; for tests and diagnostics. */
  inWindow(): number;
  /** Rejects the callers waiting now (on shutdown, so the sign-out is next in line). */
  drain(): void;
  /** Rejects every waiter; later acquires reject at once. */
  close(): void;
}

interface Waiter {
  caller: BudgetCaller;
  priority: number;
  seq: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export function createRateBudget(opts: RateBudgetOptions): RateBudget {
  const now = opts.now ?? Date.now;
  const span = opts.windowMs + (opts.headroomMs ?? 50);
  const max = Math.max(1, Math.floor(opts.max));
  // Grant times, oldest first; never more than `max` are relevant.
  const grants: number[] = [];
  const waiters: Waiter[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  function prune(t: number): void {
    while (grants.length > 0 && (grants[0] as number) <= t - span) grants.shift();
  }

  function pickNext(): Waiter | undefined {
    let best = -1;
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i] as Waiter;
      const b = best >= 0 ? (waiters[best] as Waiter) : undefined;
      if (!b || w.priority < b.priority || (w.priority === b.priority && w.seq < b.seq)) best = i;
    }
    return best >= 0 ? waiters.splice(best, 1)[0] : undefined;
  }

  function pump(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (waiters.length > 0) {
      const t = now();
      prune(t);
      if (grants.length >= max) {
        const wait = Math.max(1, (grants[0] as number) + span - t + 1);
        timer = setTimeout(pump, wait);
        return;
      }
      const w = pickNext();
      if (!w) return;
      grants.push(t);
      w.resolve();
    }
  }

  return {
    acquire(caller) {
      if (closed) return Promise.reject(new GatewayCallError('STOPPED', 'gateway session stopped'));
      const t = now();
      prune(t);
      if (waiters.length === 0 && grants.length < max) {
        grants.push(t);
        return Promise.resolve();
      }
      opts.onWait?.(caller);
      return new Promise<void>((resolve, reject) => {
        waiters.push({ caller, priority: CALLER_PRIORITY[caller], seq: seq++, resolve, reject });
        pump();
      });
    },
    inWindow() {
      prune(now());
      return grants.length;
    },
    drain() {
      const pending = waiters.splice(0, waiters.length);
      for (const w of pending) w.reject(new GatewayCallError('STOPPED', 'gateway session stopped'));
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const pending = waiters.splice(0, waiters.length);
      for (const w of pending) w.reject(new GatewayCallError('STOPPED', 'gateway session stopped'));
    },
  };
}
