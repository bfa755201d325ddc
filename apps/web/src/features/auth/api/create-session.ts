// POST /api/v1/session: sign in with a user name and password, or with a wallboard link token.
import type { SessionRequest } from '@floorwatch/contracts/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export function createSession(body: SessionRequest): Promise<void> {
  return apiSend('/api/v1/session', { method: 'POST', body, expectUnauthorized: true });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }),
  });
}
