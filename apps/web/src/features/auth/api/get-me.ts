// GET /api/v1/me: who is signed in, or null when nobody is (401).
import { me, type Me } from '@floorwatch/contracts/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, isApiError } from '@/lib/api-client';

export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiGet('/api/v1/me', me, { signal, expectUnauthorized: true });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
