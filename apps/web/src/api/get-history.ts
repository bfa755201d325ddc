// GET /api/v1/history: per-queue counts, calls waiting and service level over a time range (the
// overview's sparklines and the queue page's chart).
import { history, type History } from '@floorwatch/contracts/api';
import { apiGet } from '@/lib/api-client';

export function getHistory(
  params: { from: number; to: number; skillIds: readonly number[] },
  signal?: AbortSignal,
): Promise<History> {
  const qs = new URLSearchParams({
    from: String(Math.floor(params.from)),
    to: String(Math.floor(params.to)),
    skillIds: params.skillIds.join(','),
  });
  return apiGet(`/api/v1/history?${qs.toString()}`, history, { signal });
}
