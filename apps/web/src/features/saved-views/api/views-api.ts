// GET|POST /api/v1/me/views and DELETE /api/v1/me/views/:id: a user's saved views.
import { savedView, type SavedView } from '@floorwatch/contracts/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiJson, apiSend } from '@/lib/api-client';

const viewsKey = ['me', 'views'] as const;

export function viewsQueryOptions() {
  return queryOptions({
    queryKey: viewsKey,
    queryFn: ({ signal }) => apiGet('/api/v1/me/views', z.array(savedView), { signal }),
    staleTime: 60_000,
  });
}

export function useViews() {
  return useQuery(viewsQueryOptions());
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; path: string }): Promise<SavedView> =>
      apiJson('/api/v1/me/views', savedView, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/v1/me/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}
