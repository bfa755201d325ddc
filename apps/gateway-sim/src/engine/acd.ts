// The queues of the floor: Poisson arrivals following the load curve, customers who give up, the
// ACD that hands the oldest waiting call to the longest-idle agent who can take it, and the
// per-minute counts behind the service level.
import type { Rng } from './prng';
import { STEP_MS, canServe, type QueueRuntime } from './runtime';
import type { AgentTransitions } from './transitions';

/** Service level: share of calls answered within this many seconds ... */
export const SERVICE_LEVEL_S = 20;
/** ... over the last this many minutes. */
export const SERVICE_WINDOW_MIN = 30;

export interface QueueStats {
  skillId: number;
  queueSize: number;
  /** Seconds the longest-waiting call has waited, 0 when none. */
  longestWaitS: number;
  oldestArrivedAt: number | null;
  oldestCallId: number | null;
  loggedOnAgents: number;
  availAgents: number;
  /** Percent answered within SERVICE_LEVEL_S; null when no call was offered in the window. */
  serviceLevel: number | null;
}

export class Acd {
  private nextCallId = 1;

  constructor(
    private readonly rng: Rng,
    private readonly queues: readonly QueueRuntime[],
    private readonly transitions: AgentTransitions,
  ) {}

  /** New calls and abandons of one step at `load` (the load factor of the hour). */
  arrivals(t: number, load: number): void {
    const r = this.rng;
    const minute = Math.floor(t / 60_000);
    for (const q of this.queues) {
      const mean = ((q.def.baseRatePerHour * load) / 3600) * (STEP_MS / 1000);
      const n = r.poisson(mean);
      for (let i = 0; i < n; i += 1) {
        if (q.waiting.length >= q.def.maxQueueSize) {
          this.record(q, minute, false);
          continue;
        }
        const patience = Math.max(5, r.exp(q.def.meanPatienceS));
        q.waiting.push({ id: this.nextCallId++, arrivedAt: t, abandonAt: t + patience * 1000 });
      }
      if (q.waiting.some((c) => c.abandonAt <= t)) {
        q.waiting = q.waiting.filter((c) => {
          if (c.abandonAt > t) return true;
          this.record(q, minute, false);
          return false;
        });
      }
    }
  }

  /** Oldest waiting call first, to the agent of its skill idle the longest. */
  dispatch(t: number): void {
    const minute = Math.floor(t / 60_000);
    const busyQueues = this.queues.filter((q) => q.waiting.length > 0);
    busyQueues.sort(
      (x, y) =>
        (x.waiting[0]?.arrivedAt ?? 0) - (y.waiting[0]?.arrivedAt ?? 0) || x.def.id - y.def.id,
    );
    for (const q of busyQueues) {
      const idle = q.members.filter((a) => a.signedIn && a.phase === 'idle' && canServe(q, a));
      if (idle.length === 0) continue;
      idle.sort((x, y) => x.stateSince - y.stateSince || x.index - y.index);
      for (const a of idle) {
        const call = q.waiting.shift();
        if (!call) break;
        this.record(q, minute, (t - call.arrivedAt) / 1000 <= SERVICE_LEVEL_S);
        this.transitions.enterRinging(a, t, q.def.id);
      }
    }
  }

  private record(q: QueueRuntime, minute: number, withinSl: boolean): void {
    let b = q.buckets[q.buckets.length - 1];
    if (!b || b.minute !== minute) {
      b = { minute, offered: 0, withinSl: 0 };
      q.buckets.push(b);
      if (q.buckets.length > SERVICE_WINDOW_MIN + 1) q.buckets.shift();
    }
    b.offered += 1;
    if (withinSl) b.withinSl += 1;
  }
}

export function queueStats(q: QueueRuntime, now: number): QueueStats {
  const oldest = q.waiting[0];
  let loggedOn = 0;
  let avail = 0;
  for (const a of q.members) {
    if (!a.signedIn) continue;
    loggedOn += 1;
    if (a.status === 4) avail += 1;
  }
  const fromMinute = Math.floor(now / 60_000) - SERVICE_WINDOW_MIN;
  let offered = 0;
  let within = 0;
  for (const b of q.buckets) {
    if (b.minute <= fromMinute) continue;
    offered += b.offered;
    within += b.withinSl;
  }
  return {
    skillId: q.def.id,
    queueSize: q.waiting.length,
    longestWaitS: oldest ? Math.max(0, Math.floor((now - oldest.arrivedAt) / 1000)) : 0,
    oldestArrivedAt: oldest?.arrivedAt ?? null,
    oldestCallId: oldest?.id ?? null,
    loggedOnAgents: loggedOn,
    availAgents: avail,
    serviceLevel: offered === 0 ? null : Math.round((within / offered) * 100),
  };
}
