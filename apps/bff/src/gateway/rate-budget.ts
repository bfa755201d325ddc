// The gateway allows a handful of queries per agent in a sliding window (5 per 2 s by default,
// docs/gateway.md §Limits and transport) and counts every call of the session against it, the
// keep-alive poll included.
// One budget per session object, shared by every caller, so no mix of callers can exceed it.
//
// The gateway stamps a call when it handles it, somewhere between our send and its answer. So
// a slot is taken at grant time, stays taken while the call is in flight, and is only given
// back windowMs (+ headroom) after the moment the caller reports as the latest possible stamp
// (normally the answer). Anchoring at the send alone is not enough: a busy gateway (or, in
// tests, a simulator sharing our event loop) handles a call late and sees two of ours closer
// together than we sent them.
import type { BudgetCaller } from './types';
import { GatewayCallError } from './gateway-call-error';

/** A call whose answer we do not wait for before anchoring its slot (the long poll is answered
 *  ~10 s after the gateway counted it; the proxy reports nothing back) is counted as handled at
 *  most this long after we sent it. */
export const LATE_HANDLING_MS = 1000;

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
  /** Added to the window for clock and timing differences between us and the gateway. */
  headroomMs?: number;
  now?: () => number;
  onWait?: (caller: BudgetCaller) => void;
}

/** Gives the slot's anchor: the latest time the gateway can have counted the call (default:
 *  now). Calling it more than once has no further effect. */
export type BudgetRelease = (stampAt?: number) => void;

export interface RateBudget {
  /** Waits for a slot; resolves with the function that anchors it once the call is done. */
  acquire(caller: BudgetCaller): Promise<BudgetRelease>;
  /** Slots taken right now (in flight or within the padded window); for tests and diagnostics. */
  inWindow(): number;
  /** Rejects the callers waiting now (on shutdown, so the sign-out is next in line). */
  drain(): void;
  /** Rejects every waiter; later acquires reject at once. */
  close(): void;
}

interface Waiter {
  priority: number;
  seq: number;
  resolve: (release: BudgetRelease) => void;
  reject: (e: Error) => void;
}

interface Slot {
  /** null while the call is in flight. */
  stamp: number | null;
}

export function createRateBudget(opts: RateBudgetOptions): RateBudget {
  const now = opts.now ?? Date.now;
  const span = opts.windowMs + (opts.headroomMs ?? 50);
  const max = Math.max(1, Math.floor(opts.max));
  const slots = new Set<Slot>();
  const waiters: Waiter[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  /** Frees expired slots; returns when the next anchored slot expires (or null). */
  function prune(t: number): number | null {
    let next: number | null = null;
    for (const s of slots) {
      if (s.stamp === null) continue;
      const expires = s.stamp + span;
      if (expires <= t) slots.delete(s);
      else if (next === null || expires < next) next = expires;
    }
    return next;
  }

  function take(): BudgetRelease {
    const slot: Slot = { stamp: null };
    slots.add(slot);
    return (stampAt) => {
      if (slot.stamp !== null) return;
      slot.stamp = stampAt ?? now();
      pump();
    };
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
      const nextExpiry = prune(t);
      if (slots.size >= max) {
        // Either an anchored slot expires, or an in-flight call reports (and pumps) first.
        if (nextExpiry !== null) timer = setTimeout(pump, Math.max(1, nextExpiry - t + 1));
        return;
      }
      const w = pickNext();
      if (!w) return;
      w.resolve(take());
    }
  }

  return {
    acquire(caller) {
      if (closed) return Promise.reject(new GatewayCallError('STOPPED', 'gateway session stopped'));
      prune(now());
      if (waiters.length === 0 && slots.size < max) return Promise.resolve(take());
      opts.onWait?.(caller);
      return new Promise<BudgetRelease>((resolve, reject) => {
        waiters.push({ priority: CALLER_PRIORITY[caller], seq: seq++, resolve, reject });
        pump();
      });
    },
    inWindow() {
      prune(now());
      return slots.size;
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
