// GET/PUT /api/v1/me/preferences: what a user keeps for themselves on the server (the language).
import { preferences, type Preferences } from '@floorwatch/contracts/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiJson } from '@/lib/api-client';

const key = ['me', 'preferences'] as const;

export function usePreferences(enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: key,
      queryFn: ({ signal }) =>
        apiGet('/api/v1/me/preferences', preferences, { signal, expectUnauthorized: true }),
      enabled,
      staleTime: Infinity,
      retry: false,
    }),
  );
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (next: Preferences) =>
      apiJson('/api/v1/me/preferences', preferences, { method: 'PUT', body: next }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
