// The seam between the monitor (src/monitor) and the HTTP and live layers.
import type { GatewayHealth, History, Patch, Snapshot } from '@floorwatch/contracts/api';

export interface LiveData {
  /** The full, unfiltered current snapshot (serverTime = now). */
  snapshot(): Snapshot;
  /** Called once per poll that changed something (agents, queues or gateway health). */
  onPatch(listener: (patch: Patch) => void): () => void;
  /** Called after a successful agents poll that changed nothing (so made no patch), with the
   *  time of that poll: freshness is news even when the data is not. */
  onQuietPoll(listener: (lastSuccessAt: number) => void): () => void;
  /** The agents poll interval: the stream's heartbeat keeps at least this pace. */
  readonly pollMs: number;
  health(): GatewayHealth;
  /** Recent ranges answer from memory at once; older ones are read from the history store. */
  history(query: { from: number; to: number; skillIds?: number[] }): History | Promise<History>;
}
