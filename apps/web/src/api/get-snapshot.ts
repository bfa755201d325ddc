// GET /api/v2/snapshot: a full picture (stream v2 shape), used to resync after a gap in the patch
// stream. Checked like the stream's own snapshot (lib/stream-check.ts).
import type { SnapshotV2 } from '@floorwatch/contracts/api';
import { apiGet } from '@/lib/api-client';
import { streamReaders } from '@/lib/stream-check';

const reader = streamReaders().snapshot;

export function getSnapshot(signal?: AbortSignal): Promise<SnapshotV2> {
  return apiGet('/api/v2/snapshot', reader, { signal });
}
