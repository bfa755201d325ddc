// GET /api/v1/snapshot: a full picture, used to resync after a gap in the patch stream.
import { snapshot, type Snapshot } from '@floorwatch/contracts/api';
import { apiGet } from '@/lib/api-client';

export function getSnapshot(signal?: AbortSignal): Promise<Snapshot> {
  return apiGet('/api/v1/snapshot', snapshot, { signal });
}
