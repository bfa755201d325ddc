// The seam between the monitor (src/monitor) and the HTTP and live layers.
import type { GatewayHealth, History, Patch, Snapshot } from '@floorwatch/contracts/api';

export interface LiveData {
  /** The full, unfiltered current snapshot (serverTime = now). */
  snapshot(): Snapshot;
  /** Called once per poll that changed something (agents, queues or gateway health). */
  onPatch(listener: (patch: Patch) => void): () => void;
  health(): GatewayHealth;
  history(query: { from: number; to: number; skillIds?: number[] }): History;
}
