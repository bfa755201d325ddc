// The seam between the monitor (src/monitor) and the HTTP and live layers. A follower replica fed
// from Redis would implement the same interface from the leader's commits (same versions).
import type { GatewayHealth, History, Snapshot, SnapshotV2 } from '@floorwatch/contracts/api';
import type { Commit } from './snapshot-store';

export type { Commit };

export interface LiveData {
  /** The full, unfiltered current snapshot (serverTime = now), v1 shape (REST /api/v1). */
  snapshot(): Snapshot;
  /** The same version in the v2 shape: queue figures without members and counts. */
  snapshotV2(): SnapshotV2;
  /** Called once per poll that changed something (agents, queues or gateway health), with the
   *  change in both formats; every listener runs synchronously before the next version. */
  onCommit(listener: (commit: Commit) => void): () => void;
  /** Called after a successful agents poll that changed nothing (so made no patch), with the
   *  time of that poll: freshness is news even when the data is not. */
  onQuietPoll(listener: (lastSuccessAt: number) => void): () => void;
  /** The agents poll interval: the stream's heartbeat keeps at least this pace. */
  readonly pollMs: number;
  health(): GatewayHealth;
  /** Recent ranges answer from memory at once; older ones are read from the history store. */
  history(query: { from: number; to: number; skillIds?: number[] }): History | Promise<History>;
}
