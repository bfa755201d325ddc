import { useEffect, useRef } from 'react';
import { getSnapshot } from '@/api/get-snapshot';
import { apiSend, isApiError } from '@/lib/api-client';
import { connectLiveStream } from '@/lib/live-stream';

async function sessionGone(): Promise<boolean> {
  try {
    await apiSend('/api/v1/me', { expectUnauthorized: true });
    return false;
  } catch (e) {
    return isApiError(e) && e.status === 401;
  }
}

/** Keeps the live stream open while mounted; `onUnauthorized` when the session has ended. */
export function useLiveConnection(onUnauthorized: () => void, enabled = true): void {
  const handler = useRef(onUnauthorized);
  useEffect(() => {
    handler.current = onUnauthorized;
  });
  useEffect(() => {
    if (!enabled) return;
    return connectLiveStream({
      checkUnauthorized: sessionGone,
      onUnauthorized: () => handler.current(),
      fetchSnapshot: () => getSnapshot(),
    });
  }, [enabled]);
}
