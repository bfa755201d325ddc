// The admin routes that change the shared limits. Each answer is the stored item (with its new
// version); every screen reads it through GET /api/v1/settings, refreshed after a change.
import {
  queueLimits,
  siteLimits,
  type QueueLimits,
  type QueueLimitsInput,
  type SiteLimits,
} from '@floorwatch/contracts/api';
import { apiJson, apiSend } from '@/lib/api-client';

export function putSiteLimits(body: SiteLimits): Promise<SiteLimits> {
  return apiJson('/api/v1/admin/limits/site', siteLimits, { method: 'PUT', body });
}

export function putQueueLimits(skillId: number, body: QueueLimitsInput): Promise<QueueLimits> {
  return apiJson(`/api/v1/admin/limits/queues/${skillId}`, queueLimits, { method: 'PUT', body });
}

export function deleteQueueLimits(skillId: number, version: number): Promise<void> {
  return apiSend(`/api/v1/admin/limits/queues/${skillId}?version=${version}`, {
    method: 'DELETE',
  });
}
