// The versioned current state and the diff between two states, in both stream formats. The
// normaliser reuses an unchanged Agent/Queue object, so "changed" here is a reference comparison
// (cheap enough for 10,000 agents per poll); only the few changed objects are compared field by
// field, for the v2 patch that carries just the changed fields.
import {
  agentChangeOf,
  queueChangeOf,
  queueInfoOf,
  type Agent,
  type AgentChange,
  type GatewayHealth,
  type Patch,
  type PatchV2,
  type Queue,
  type QueueChange,
  type QueueInfo,
  type Snapshot,
  type SnapshotV2,
} from '@floorwatch/contracts/api';

export interface CommitInput {
  /** The complete new agent set, or undefined to keep the current one. The store owns the map
   *  from then on (later `agentUpdates` are written into it): hand it a map nobody else changes. */
  agents?: ReadonlyMap<string, Agent>;
  /** Instead of `agents`: the agents that changed or arrived, every other one staying as it is
   *  (a diffed poll: no comparison of the whole floor, no copy of it). */
  agentUpdates?: readonly Agent[];
  /** The complete new queue set, or undefined to keep the current one. */
  queues?: ReadonlyMap<number, Queue>;
  /** The gateway health changed in a way screens must learn (status or error). */
  healthChanged?: boolean;
  health: GatewayHealth;
  serverTime: number;
}

/** One new version in both formats: same versions, same health, same data. v1 re-sends changed
 *  agents and queues whole (members and counts included); v2 sends only the changed fields. */
export interface Commit {
  v1: Patch;
  v2: PatchV2;
}

export interface SnapshotStore {
  readonly version: number;
  agents(): ReadonlyMap<string, Agent>;
  queues(): ReadonlyMap<number, Queue>;
  /** Applies the input; returns the patches, or null when nothing changed (version unchanged). */
  commit(input: CommitInput): Commit | null;
  snapshot(health: GatewayHealth, serverTime: number): Snapshot;
  snapshotV2(health: GatewayHealth, serverTime: number): SnapshotV2;
}

/** Where a store starts: a version and, for a replica taking over or catching up, the floor
 *  at that version (src/ha). */
export interface StoreStart {
  firstVersion?: number;
  agents?: ReadonlyMap<string, Agent>;
  queues?: ReadonlyMap<number, Queue>;
}

/** A map the store may write into. */
function owned(given: ReadonlyMap<string, Agent> | undefined): Map<string, Agent> {
  return given instanceof Map ? (given as Map<string, Agent>) : new Map(given ?? []);
}

export function createSnapshotStore(opts: StoreStart = {}): SnapshotStore {
  let version = opts.firstVersion ?? 0;
  let agents: Map<string, Agent> = owned(opts.agents);
  let queues: ReadonlyMap<number, Queue> = opts.queues ?? new Map();
  // Arrays for the snapshots, built once per version: every new stream client asks for one.
  let cached: { version: number; agents: Agent[]; queues: Queue[]; infos: QueueInfo[] } | null =
    null;
  // A queue's figures without members and counts, kept while the Queue object is the same.
  const infoOf = new WeakMap<Queue, QueueInfo>();
  const info = (q: Queue) => {
    let i = infoOf.get(q);
    if (!i) {
      i = queueInfoOf(q);
      infoOf.set(q, i);
    }
    return i;
  };

  const arrays = () => {
    if (!cached || cached.version !== version) {
      const qs = [...queues.values()].sort((x, y) => x.skillId - y.skillId);
      cached = { version, agents: [...agents.values()], queues: qs, infos: qs.map(info) };
    }
    return cached;
  };

  return {
    get version() {
      return version;
    },
    agents: () => agents,
    queues: () => queues,
    commit(input) {
      const changedAgents: Agent[] = [];
      const addedAgents: Agent[] = [];
      const agentChanges: AgentChange[] = [];
      const removedAgents: string[] = [];
      const compare = (prev: Agent | undefined, a: Agent) => {
        if (prev === a) return;
        changedAgents.push(a);
        if (!prev) addedAgents.push(a);
        else {
          const change = agentChangeOf(prev, a);
          if (change) agentChanges.push(change);
        }
      };
      if (input.agents) {
        for (const [w, a] of input.agents) compare(agents.get(w), a);
        if (agents.size > 0)
          for (const w of agents.keys()) if (!input.agents.has(w)) removedAgents.push(w);
      } else if (input.agentUpdates) {
        for (const a of input.agentUpdates) compare(agents.get(a.workno), a);
      }
      const changedQueues: Queue[] = [];
      const addedQueues: QueueInfo[] = [];
      const queueChanges: QueueChange[] = [];
      const removedQueues: number[] = [];
      if (input.queues) {
        for (const [id, q] of input.queues) {
          const prev = queues.get(id);
          if (prev === q) continue;
          changedQueues.push(q);
          if (!prev) addedQueues.push(info(q));
          else {
            const change = queueChangeOf(prev, q);
            if (change) queueChanges.push(change);
          }
        }
        if (queues.size > 0)
          for (const id of queues.keys()) if (!input.queues.has(id)) removedQueues.push(id);
      }
      const dataChanged =
        changedAgents.length + removedAgents.length + changedQueues.length + removedQueues.length >
        0;
      // Kept even when nothing in them changed: the newest maps are in the answer's order, and
      // the next diffed poll writes into this one.
      if (input.agents) agents = owned(input.agents);
      else for (const a of changedAgents) agents.set(a.workno, a);
      if (input.queues) queues = input.queues;
      if (!dataChanged && !input.healthChanged) return null;
      const baseVersion = version;
      version += 1;
      const head = { baseVersion, version, serverTime: input.serverTime, gateway: input.health };
      const bySkill = (x: { skillId: number }, y: { skillId: number }) => x.skillId - y.skillId;
      return {
        v1: {
          ...head,
          agents: changedAgents,
          queues: changedQueues.sort(bySkill),
          removedAgents,
          removedQueues,
        },
        v2: {
          ...head,
          agents: addedAgents,
          agentChanges,
          removedAgents,
          queues: addedQueues.sort(bySkill),
          queueChanges: queueChanges.sort(bySkill),
          removedQueues,
        },
      };
    },
    snapshot(health, serverTime) {
      const c = arrays();
      return { version, serverTime, gateway: health, queues: c.queues, agents: c.agents };
    },
    snapshotV2(health, serverTime) {
      const c = arrays();
      return { version, serverTime, gateway: health, queues: c.infos, agents: c.agents };
    },
  };
}
