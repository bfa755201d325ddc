// The live picture fed by the SSE stream (v2): the model of live-model.ts plus what the screens
// need about the connection and the clock. Components read it through the hooks at the bottom,
// each selecting one object whose identity changes only when what it shows changed, so a patch
// re-renders only what it touched and no selector rebuilds or compares a big array.
import type {
  Agent,
  GatewayHealth,
  Heartbeat,
  PatchV2,
  Queue,
  SnapshotV2,
  StateCounts,
} from '@floorwatch/contracts/api';
import { create } from 'zustand';
import {
  applyPatch,
  modelFromSnapshot,
  modelFromSnapshotSteps,
  NO_COUNTS,
  PatchMismatch,
  queueMembers,
  type LiveModel,
} from './live-model';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
/** `queued`: a large snapshot is still being taken in; the patch is applied right after it. */
export type PatchResult = 'applied' | 'stale' | 'gap' | 'queued';

export interface LiveState extends Omit<LiveModel, 'version'> {
  version: number | null;
  gateway: GatewayHealth | null;
  /**
   * Newest time of a successful gateway poll seen in any message, heartbeats included (BFF clock).
   * Freshness is judged from this: on a quiet floor nothing changes, yet every poll succeeds.
   */
  lastSuccessAt: number | null;
  /** serverTime − Date.now() at receipt, smoothed; null until the first message. */
  clockOffsetMs: number | null;
  /** Client time of the last message of any kind (snapshot, patch, heartbeat). */
  lastMessageAt: number | null;
  connection: ConnectionState;
  /** A large snapshot is being taken in (in slices); patches wait for it. */
  takingSnapshot: boolean;
  /** A patch did not fit onto our version: a fresh snapshot is needed. */
  resyncNeeded: boolean;
  badMessages: number;
  lastBadMessage: string | null;

  applySnapshot: (s: SnapshotV2, receivedAt?: number) => void;
  applyPatch: (p: PatchV2, receivedAt?: number) => PatchResult;
  applyHeartbeat: (h: Heartbeat, receivedAt?: number) => void;
  setConnection: (c: ConnectionState) => void;
  reportBadMessage: (what: string) => void;
  reset: () => void;
}

/** Weight of a new clock sample; a jump of more than JUMP_MS is taken as-is (clock was set). */
const OFFSET_ALPHA = 0.3;
const OFFSET_JUMP_MS = 5_000;
/** A snapshot with more agents than this is taken in in slices of about SLICE_MS, so a 10,000-
 *  agent floor never holds the page for one long task; smaller ones are taken in at once. */
export const SLICED_ABOVE = 3_000;
const SLICE_MS = 8;

export function smoothOffset(previous: number | null, sample: number): number {
  if (previous === null || Math.abs(sample - previous) > OFFSET_JUMP_MS) return sample;
  return previous + OFFSET_ALPHA * (sample - previous);
}

/** The newer of two last-success times; a message without one never moves it back. */
export function newestSuccess(previous: number | null, next: number | null): number | null {
  if (next === null) return previous;
  return previous === null || next > previous ? next : previous;
}

const initial = {
  agents: new Map<string, Agent>() as ReadonlyMap<string, Agent>,
  infos: new Map() as LiveModel['infos'],
  slots: new Map() as LiveModel['slots'],
  queues: new Map<number, Queue>() as ReadonlyMap<number, Queue>,
  queueIds: [] as readonly number[],
  version: null,
  gateway: null,
  lastSuccessAt: null,
  clockOffsetMs: null,
  lastMessageAt: null,
  connection: 'idle' as ConnectionState,
  takingSnapshot: false,
  resyncNeeded: false,
  badMessages: 0,
  lastBadMessage: null,
};

/** Yields to the browser between slices (rendering and input go first). */
const nextSlice = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });

export const useLiveStore = create<LiveState>()((set, get) => {
  /** The snapshot being taken in, and the patches that arrived meanwhile. */
  let taking: { token: object; patches: { p: PatchV2; at: number }[] } | null = null;

  const modelOf = (s: LiveState): LiveModel | null =>
    s.version === null
      ? null
      : {
          version: s.version,
          agents: s.agents,
          infos: s.infos,
          slots: s.slots,
          queues: s.queues,
          queueIds: s.queueIds,
        };

  const commitSnapshot = (s: SnapshotV2, model: LiveModel, receivedAt: number) => {
    const prev = get();
    set({
      ...model,
      gateway: s.gateway,
      lastSuccessAt: newestSuccess(prev.lastSuccessAt, s.gateway.lastSuccessAt),
      clockOffsetMs: smoothOffset(prev.clockOffsetMs, s.serverTime - receivedAt),
      lastMessageAt: Math.max(prev.lastMessageAt ?? 0, receivedAt),
      takingSnapshot: false,
      resyncNeeded: false,
    });
  };

  const patchNow = (p: PatchV2, receivedAt: number): PatchResult => {
    const prev = get();
    if (prev.version === null) {
      set({ resyncNeeded: true });
      return 'gap';
    }
    // Already contained in what we have (e.g. a patch that raced a resync snapshot).
    if (p.version <= prev.version) return 'stale';
    let model: LiveModel;
    try {
      if (p.baseVersion !== prev.version) throw new PatchMismatch('version gap');
      model = applyPatch(modelOf(prev)!, p);
    } catch (e) {
      if (!(e instanceof PatchMismatch)) throw e;
      set({ resyncNeeded: true, lastMessageAt: receivedAt });
      return 'gap';
    }
    set({
      ...model,
      gateway: p.gateway,
      lastSuccessAt: newestSuccess(prev.lastSuccessAt, p.gateway.lastSuccessAt),
      clockOffsetMs: smoothOffset(prev.clockOffsetMs, p.serverTime - receivedAt),
      lastMessageAt: receivedAt,
    });
    return 'applied';
  };

  return {
    ...initial,

    applySnapshot: (s, receivedAt = Date.now()) => {
      const prev = modelOf(get());
      if (s.agents.length <= SLICED_ABOVE) {
        taking = null;
        commitSnapshot(s, modelFromSnapshot(s, prev), receivedAt);
        return;
      }
      const token = {};
      taking = { token, patches: [] };
      set({ takingSnapshot: true });
      const steps = modelFromSnapshotSteps(s, prev);
      const run = async () => {
        for (;;) {
          const until = performance.now() + SLICE_MS;
          let r = steps.next();
          while (!r.done && performance.now() < until) r = steps.next();
          if (taking?.token !== token) return; // a newer snapshot (or a reset) took over
          if (r.done) {
            const queued = taking.patches;
            taking = null;
            commitSnapshot(s, r.value, receivedAt);
            for (const q of queued) if (patchNow(q.p, q.at) === 'gap') break;
            return;
          }
          await nextSlice();
        }
      };
      void run();
    },

    applyPatch: (p, receivedAt = Date.now()) => {
      if (taking) {
        taking.patches.push({ p, at: receivedAt });
        return 'queued';
      }
      return patchNow(p, receivedAt);
    },

    applyHeartbeat: (h, receivedAt = Date.now()) => {
      const prev = get();
      set({
        lastSuccessAt: newestSuccess(prev.lastSuccessAt, h.lastSuccessAt),
        clockOffsetMs: smoothOffset(prev.clockOffsetMs, h.serverTime - receivedAt),
        lastMessageAt: receivedAt,
        // A heartbeat ahead of us means we missed a patch (not while a snapshot is taken in).
        resyncNeeded:
          prev.resyncNeeded || (!taking && prev.version !== null && h.version > prev.version),
      });
    },

    setConnection: (connection) => set({ connection }),

    reportBadMessage: (what) =>
      set((s) => ({ badMessages: s.badMessages + 1, lastBadMessage: what })),

    reset: () => {
      taking = null;
      set({ ...initial });
    },
  };
});

/** Server "now" from a client timestamp and the offset. */
export function serverNow(clientNow: number, offset: number | null): number {
  return clientNow + (offset ?? 0);
}

// ---- hooks: what screens read ----------------------------------------------------------------

/** True once the first snapshot is in. */
export const useLiveLoaded = () => useLiveStore((s) => s.version !== null);

/** Skill ids of every queue the user may see, ascending; a new array only when one comes or goes. */
export const useQueueIds = () => useLiveStore((s) => s.queueIds);

/** A queue's figures with its members (worknos, sorted) and state counts, derived from the
 *  agents. A new object only when one of those changes; undefined for an unknown queue. */
export const useQueue = (skillId: number): Queue | undefined =>
  useLiveStore((s) => s.queues.get(skillId));

/** The agents of a queue, by workno. A new array only when a member changes, joins or leaves:
 *  select by this, never by mapping worknos to agents in a selector. */
export const useQueueMembers = (skillId: number): readonly Agent[] =>
  useLiveStore((s) => queueMembers(s, skillId));

/** A queue's agents by state; the same object until a count changes. */
export const useQueueCounts = (skillId: number): StateCounts =>
  useLiveStore((s) => s.slots.get(skillId)?.counts ?? NO_COUNTS);

/** One agent; a new object only when the agent changed. */
export const useAgent = (workno: string | null): Agent | undefined =>
  useLiveStore((s) => (workno === null ? undefined : s.agents.get(workno)));

/** Every agent the user may see (a new map whenever any agent changes: for searches and
 *  floor-wide figures, not for rows). */
export const useAgents = (): ReadonlyMap<string, Agent> => useLiveStore((s) => s.agents);
