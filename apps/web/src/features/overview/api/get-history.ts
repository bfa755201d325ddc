// GET /api/v1/history: per-queue counts in 10 s steps, for the tiles' 60-minute trend lines.
import { history, type History } from '@floorwatch/contracts/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

export const HISTORY_WINDOW_MS = 60 * 60_000;

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

export function historyQueryOptions(skillIds: readonly number[], enabled = true) {
  const ids = [...skillIds].sort((a, b) => a - b);
  return queryOptions({
    queryKey: ['history', ids.join(',')],
    queryFn: ({ signal }) => {
      const to = Date.now();
      return getHistory({ from: to - HISTORY_WINDOW_MS, to, skillIds: ids }, signal);
    },
    enabled: enabled && ids.length > 0,
    refetchInterval: 60_000,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useHistory(skillIds: readonly number[], enabled = true) {
  return useQuery(historyQueryOptions(skillIds, enabled));
}
