// GET /api/v1/settings: the shared limits and names, poll/stale timings and the served release.
import { settings, type Settings } from '@floorwatch/contracts/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

export function getSettings(signal?: AbortSignal): Promise<Settings> {
  return apiGet('/api/v1/settings', settings, { signal });
}

export function settingsQueryOptions(refetchInterval?: number) {
  return queryOptions({
    queryKey: ['settings'],
    queryFn: ({ signal }) => getSettings(signal),
    staleTime: 5 * 60_000,
    refetchInterval,
  });
}

export function useSettings(refetchInterval?: number) {
  return useQuery(settingsQueryOptions(refetchInterval));
}
