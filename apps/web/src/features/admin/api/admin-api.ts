// The admin routes for names and wall links, and the audit log (docs/api.md). Reason and group
// changes refresh the settings every screen reads; wall links and the audit log have their own.
import {
  auditPage,
  group,
  reason,
  wallLink,
  wallLinkCreated,
  type Group,
  type GroupInput,
  type Reason,
  type ReasonInput,
  type WallLink,
  type WallLinkCreate,
  type WallLinkCreated,
  type WallLinkInput,
} from '@floorwatch/contracts/api';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiJson, apiSend } from '@/lib/api-client';

export function putReason(code: number, body: ReasonInput): Promise<Reason> {
  return apiJson(`/api/v1/admin/reasons/${code}`, reason, { method: 'PUT', body });
}
export function deleteReason(code: number, version: number): Promise<void> {
  return apiSend(`/api/v1/admin/reasons/${code}?version=${version}`, { method: 'DELETE' });
}

export function putGroup(groupId: number, body: GroupInput): Promise<Group> {
  return apiJson(`/api/v1/admin/groups/${groupId}`, group, { method: 'PUT', body });
}
export function deleteGroup(groupId: number, version: number): Promise<void> {
  return apiSend(`/api/v1/admin/groups/${groupId}?version=${version}`, { method: 'DELETE' });
}

const wallLinksKey = ['admin', 'wall-links'] as const;
const auditKey = ['admin', 'audit'] as const;

export function wallLinksOptions() {
  return queryOptions({
    queryKey: wallLinksKey,
    queryFn: ({ signal }) => apiGet('/api/v1/admin/wall-links', z.array(wallLink), { signal }),
  });
}
export function useWallLinks() {
  return useQuery(wallLinksOptions());
}

/** A change to wall links, then the list (and the audit log) read again. */
function useAdminChange<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: wallLinksKey });
      await qc.invalidateQueries({ queryKey: auditKey });
    },
  });
}

export function useCreateWallLink() {
  return useAdminChange((body: WallLinkCreate): Promise<WallLinkCreated> =>
    apiJson('/api/v1/admin/wall-links', wallLinkCreated, { method: 'POST', body }),
  );
}
export function putWallLink(id: string, body: WallLinkInput): Promise<WallLink> {
  return apiJson(`/api/v1/admin/wall-links/${encodeURIComponent(id)}`, wallLink, {
    method: 'PUT',
    body,
  });
}
export function useUpdateWallLink() {
  return useAdminChange((a: { id: string; body: WallLinkInput }) => putWallLink(a.id, a.body));
}
export function useRevokeWallLink() {
  return useAdminChange((a: { id: string; version: number }) =>
    apiSend(`/api/v1/admin/wall-links/${encodeURIComponent(a.id)}?version=${a.version}`, {
      method: 'DELETE',
    }),
  );
}

const AUDIT_PAGE = 50;

export function auditOptions() {
  return infiniteQueryOptions({
    queryKey: auditKey,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const qs = new URLSearchParams({ limit: String(AUDIT_PAGE) });
      if (pageParam !== null) qs.set('before', String(pageParam));
      return apiGet(`/api/v1/admin/audit?${qs.toString()}`, auditPage, { signal });
    },
    getNextPageParam: (last) => last.nextBefore,
  });
}
export function useAudit() {
  return useInfiniteQuery(auditOptions());
}
