// What a replica serves when replicas share one gateway session: the live data rebuilt from the
// leader's published commits (commit-feed.ts), through this replica's own snapshot store, so each
// version here is the leader's version and every stream format is derived locally. The leader
// serves from it too, so all replicas behave alike and a Redis outage looks the same everywhere:
// the last data, marked stale as it ages.
import type { Agent, GatewayHealth, Patch, Queue, Snapshot } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { RecordingHistory } from '../monitor/durable-history';
import { computeHealth } from '../monitor/health';
import { createHistory } from '../monitor/history';
import { createSnapshotStore, type SnapshotStore } from '../monitor/snapshot-store';
import type { Commit, LiveData } from '../monitor/types';

export interface ReplicaLive extends LiveData {
  readonly version: number;
  /** Applies the leader's next version; false when it does not follow this replica's version
   *  (a message was missed: the caller fetches the snapshot). */
  applyPatch(patch: Patch): boolean;
  /** A poll that changed nothing; false when `version` is not this replica's. */
  applyQuiet(version: number, lastSuccessAt: number): boolean;
  /** Starts over from a published snapshot (a missed version, or Redis came back). */
  reset(snapshot: Snapshot): void;
  /** The floor at the current version, for a replica that becomes leader. */
  floor(): { firstVersion: number; agents: Map<string, Agent>; queues: Map<number, Queue> };
}

export function createReplicaLive(opts: {
  pollMs: number;
  staleAfterMs: number;
  historyStepSec?: number;
  /** Where the per-queue history is recorded (the store's, shared by every replica); in memory
   *  only when not given. */
  history?: RecordingHistory;
  logger: Logger;
  now?: () => number;
}): ReplicaLive {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'replica-live' });
  // Until the first commit arrives: a version no leader publishes (theirs start at a clock time).
  let store: SnapshotStore = createSnapshotStore({ firstVersion: 0 });
  let leaderHealth: GatewayHealth = { status: 'connecting', lastSuccessAt: null, error: null };
  const history =
    opts.history ??
    createHistory({
      stepSec: opts.historyStepSec ?? 10,
      retentionMs: 24 * 3_600_000,
    });
  const listeners = new Set<(c: Commit) => void>();
  const quietListeners = new Set<(at: number) => void>();

  const notify = <T>(to: ReadonlySet<(v: T) => void>, v: T) => {
    for (const l of to) {
      try {
        l(v);
      } catch (err) {
        log.error({ err }, 'live listener threw');
      }
    }
  };

  /** The leader's health, aged here: data the leader called fresh turns waiting, then stale,
   *  when no newer commit arrives (the leader died, or Redis is gone). */
  function health(): GatewayHealth {
    const h = leaderHealth;
    if (h.status !== 'ok' && h.status !== 'waiting') return h;
    return computeHealth({
      session: { state: 'signed-in', error: null },
      lastSuccessAt: h.lastSuccessAt,
      lastPollError: null,
      pollStartedAt: null,
      now: now(),
      pollMs: opts.pollMs,
      staleAfterMs: opts.staleAfterMs,
    });
  }

  return {
    get version() {
      return store.version;
    },
    applyPatch(patch) {
      if (patch.baseVersion !== store.version) return false;
      const agents = new Map(store.agents());
      for (const a of patch.agents) agents.set(a.workno, a);
      for (const w of patch.removedAgents) agents.delete(w);
      const queues = new Map(store.queues());
      for (const q of patch.queues) queues.set(q.skillId, q);
      for (const id of patch.removedQueues) queues.delete(id);
      leaderHealth = patch.gateway;
      // healthChanged: the leader made a version here, so this replica makes the same one.
      const mine = store.commit({
        agents,
        queues,
        healthChanged: true,
        health: patch.gateway,
        serverTime: patch.serverTime,
      });
      history.record(patch.serverTime, store.queues().values());
      if (mine) notify(listeners, mine);
      return true;
    },
    applyQuiet(version, lastSuccessAt) {
      if (version !== store.version) return false;
      leaderHealth = { ...leaderHealth, lastSuccessAt };
      history.record(lastSuccessAt, store.queues().values());
      notify(quietListeners, lastSuccessAt);
      return true;
    },
    reset(snapshot) {
      store = createSnapshotStore({
        firstVersion: snapshot.version,
        agents: new Map(snapshot.agents.map((a) => [a.workno, a])),
        queues: new Map(snapshot.queues.map((q) => [q.skillId, q])),
      });
      leaderHealth = snapshot.gateway;
      log.info({ version: snapshot.version }, 'caught up from the published snapshot');
    },
    floor: () => ({
      firstVersion: store.version,
      agents: new Map(store.agents()),
      queues: new Map(store.queues()),
    }),
    snapshot: () => store.snapshot(health(), now()),
    snapshotV2: () => store.snapshotV2(health(), now()),
    onCommit(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onQuietPoll(listener) {
      quietListeners.add(listener);
      return () => void quietListeners.delete(listener);
    },
    pollMs: opts.pollMs,
    health,
    history: (q) => history.query(q),
  };
}
