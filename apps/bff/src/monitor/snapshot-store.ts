// The versioned current state and the diff between two states. The normaliser reuses an
// unchanged Agent/Queue object, so "changed" here is a reference comparison: cheap enough for
// 10,000 agents per poll.
import type { Agent, GatewayHealth, Patch, Queue, Snapshot } from '@floorwatch/contracts/api';

export interface CommitInput {
  /** The complete new agent set, or undefined to keep the current one. */
  agents?: ReadonlyMap<string, Agent>;
  /** The complete new queue set, or undefined to keep the current one. */
  queues?: ReadonlyMap<number, Queue>;
  /** The gateway health changed in a way screens must learn (status or error). */
  healthChanged?: boolean;
  health: GatewayHealth;
  serverTime: number;
}

export interface SnapshotStore {
  readonly version: number;
  agents(): ReadonlyMap<string, Agent>;
  queues(): ReadonlyMap<number, Queue>;
  /** Applies the input; returns the patch, or null when nothing changed (version unchanged). */
  commit(input: CommitInput): Patch | null;
  snapshot(health: GatewayHealth, serverTime: number): Snapshot;
}

function diffMap<K, V>(
  prev: ReadonlyMap<K, V>,
  next: ReadonlyMap<K, V>,
): { changed: V[]; removed: K[] } {
  const changed: V[] = [];
  const removed: K[] = [];
  for (const [k, v] of next) if (prev.get(k) !== v) changed.push(v);
  if (prev.size > 0) for (const k of prev.keys()) if (!next.has(k)) removed.push(k);
  return { changed, removed };
}

/** Where a store starts: a version and, for a replica taking over or catching up, the floor
 *  at that version (src/ha). */
export interface StoreStart {
  firstVersion?: number;
  agents?: ReadonlyMap<string, Agent>;
  queues?: ReadonlyMap<number, Queue>;
}

export function createSnapshotStore(opts: StoreStart = {}): SnapshotStore {
  let version = opts.firstVersion ?? 0;
  let agents: ReadonlyMap<string, Agent> = opts.agents ?? new Map();
  let queues: ReadonlyMap<number, Queue> = opts.queues ?? new Map();
  // Arrays for snapshot(), built once per version: every new stream client asks for one.
  let cached: { version: number; agents: Agent[]; queues: Queue[] } | null = null;

  return {
    get version() {
      return version;
    },
    agents: () => agents,
    queues: () => queues,
    commit(input) {
      const a = input.agents ? diffMap(agents, input.agents) : { changed: [], removed: [] };
      const q = input.queues ? diffMap(queues, input.queues) : { changed: [], removed: [] };
      const dataChanged =
        a.changed.length + a.removed.length + q.changed.length + q.removed.length > 0;
      if (!dataChanged && !input.healthChanged) return null;
      if (input.agents) agents = input.agents;
      if (input.queues) queues = input.queues;
      const baseVersion = version;
      version += 1;
      return {
        baseVersion,
        version,
        serverTime: input.serverTime,
        gateway: input.health,
        agents: a.changed,
        queues: q.changed.sort((x, y) => x.skillId - y.skillId),
        removedAgents: a.removed,
        removedQueues: q.removed,
      };
    },
    snapshot(health, serverTime) {
      if (!cached || cached.version !== version) {
        cached = {
          version,
          agents: [...agents.values()],
          queues: [...queues.values()].sort((x, y) => x.skillId - y.skillId),
        };
      }
      return {
        version,
        serverTime,
        gateway: health,
        queues: cached.queues,
        agents: cached.agents,
      };
    },
  };
}
