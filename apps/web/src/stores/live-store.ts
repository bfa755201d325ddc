// The live picture fed by the SSE stream. Agents are keyed by workno and queues by skillId; an
// agent that did not change keeps its object identity so memoised rows skip re-rendering.
import {
  sameAgent,
  sameNumbers,
  sameQueue,
  type Agent,
  type GatewayHealth,
  type Heartbeat,
  type Patch,
  type Queue,
  type Snapshot,
} from '@floorwatch/contracts/api';
import { create } from 'zustand';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
export type PatchResult = 'applied' | 'stale' | 'gap';

export interface LiveState {
  agents: Record<string, Agent>;
  queues: Record<number, Queue>;
  /** Skill ids in display order (ascending id). */
  queueIds: number[];
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
  /** A patch did not fit onto our version: a fresh snapshot is needed. */
  resyncNeeded: boolean;
  badMessages: number;
  lastBadMessage: string | null;

  applySnapshot: (s: Snapshot, receivedAt?: number) => void;
  applyPatch: (p: Patch, receivedAt?: number) => PatchResult;
  applyHeartbeat: (h: Heartbeat, receivedAt?: number) => void;
  setConnection: (c: ConnectionState) => void;
  reportBadMessage: (what: string) => void;
  reset: () => void;
}

/** Weight of a new clock sample; a jump of more than JUMP_MS is taken as-is (clock was set). */
const OFFSET_ALPHA = 0.3;
const OFFSET_JUMP_MS = 5_000;

export function smoothOffset(previous: number | null, sample: number): number {
  if (previous === null || Math.abs(sample - previous) > OFFSET_JUMP_MS) return sample;
  return previous + OFFSET_ALPHA * (sample - previous);
}

/** The newer of two last-success times; a message without one never moves it back. */
export function newestSuccess(previous: number | null, next: number | null): number | null {
  if (next === null) return previous;
  return previous === null || next > previous ? next : previous;
}

function sortedIds(queues: Record<number, Queue>): number[] {
  return Object.values(queues)
    .map((q) => q.skillId)
    .sort((x, y) => x - y);
}

const initial = {
  agents: {},
  queues: {},
  queueIds: [],
  version: null,
  gateway: null,
  lastSuccessAt: null,
  clockOffsetMs: null,
  lastMessageAt: null,
  connection: 'idle' as ConnectionState,
  resyncNeeded: false,
  badMessages: 0,
  lastBadMessage: null,
};

export const useLiveStore = create<LiveState>()((set, get) => ({
  ...initial,

  applySnapshot: (s, receivedAt = Date.now()) => {
    const prev = get();
    const agents: Record<string, Agent> = {};
    for (const a of s.agents) {
      const old = prev.agents[a.workno];
      agents[a.workno] = old && sameAgent(old, a) ? old : a;
    }
    const queues: Record<number, Queue> = {};
    for (const q of s.queues) {
      const old = prev.queues[q.skillId];
      queues[q.skillId] = old && sameQueue(old, q) ? old : q;
    }
    const queueIds = sortedIds(queues);
    set({
      agents,
      queues,
      queueIds: sameNumbers(queueIds, prev.queueIds) ? prev.queueIds : queueIds,
      version: s.version,
      gateway: s.gateway,
      lastSuccessAt: newestSuccess(prev.lastSuccessAt, s.gateway.lastSuccessAt),
      clockOffsetMs: smoothOffset(prev.clockOffsetMs, s.serverTime - receivedAt),
      lastMessageAt: receivedAt,
      resyncNeeded: false,
    });
  },

  applyPatch: (p, receivedAt = Date.now()) => {
    const prev = get();
    if (prev.version === null) {
      set({ resyncNeeded: true });
      return 'gap';
    }
    // Already contained in what we have (e.g. a patch that raced a resync snapshot).
    if (p.version <= prev.version) return 'stale';
    if (p.baseVersion !== prev.version) {
      set({ resyncNeeded: true, lastMessageAt: receivedAt });
      return 'gap';
    }
    let agents = prev.agents;
    if (p.agents.length > 0 || p.removedAgents.length > 0) {
      agents = { ...prev.agents };
      for (const a of p.agents) {
        const old = agents[a.workno];
        if (!old || !sameAgent(old, a)) agents[a.workno] = a;
      }
      for (const w of p.removedAgents) delete agents[w];
    }
    let queues = prev.queues;
    let queueIds = prev.queueIds;
    if (p.queues.length > 0 || p.removedQueues.length > 0) {
      queues = { ...prev.queues };
      for (const q of p.queues) {
        const old = queues[q.skillId];
        if (!old || !sameQueue(old, q)) queues[q.skillId] = q;
      }
      for (const id of p.removedQueues) delete queues[id];
      const ids = sortedIds(queues);
      if (!sameNumbers(ids, prev.queueIds)) queueIds = ids;
    }
    set({
      agents,
      queues,
      queueIds,
      version: p.version,
      gateway: p.gateway,
      lastSuccessAt: newestSuccess(prev.lastSuccessAt, p.gateway.lastSuccessAt),
      clockOffsetMs: smoothOffset(prev.clockOffsetMs, p.serverTime - receivedAt),
      lastMessageAt: receivedAt,
    });
    return 'applied';
  },

  applyHeartbeat: (h, receivedAt = Date.now()) => {
    const prev = get();
    set({
      lastSuccessAt: newestSuccess(prev.lastSuccessAt, h.lastSuccessAt),
      clockOffsetMs: smoothOffset(prev.clockOffsetMs, h.serverTime - receivedAt),
      lastMessageAt: receivedAt,
      // A heartbeat ahead of us means we missed a patch.
      resyncNeeded: prev.resyncNeeded || (prev.version !== null && h.version > prev.version),
    });
  },

  setConnection: (connection) => set({ connection }),

  reportBadMessage: (what) =>
    set((s) => ({ badMessages: s.badMessages + 1, lastBadMessage: what })),

  reset: () => set({ ...initial }),
}));

/** Server "now" from a client timestamp and the offset. */
export function serverNow(clientNow: number, offset: number | null): number {
  return clientNow + (offset ?? 0);
}
