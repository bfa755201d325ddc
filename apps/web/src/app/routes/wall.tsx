import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { createSession } from '@/features/auth/api/create-session';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import {
  FreshnessIndicator,
  StaleBanner,
} from '@/features/live-status/components/freshness-indicator';
import { useLiveConnection } from '@/features/live-status/hooks/use-live-connection';
import { WallScreen } from '@/features/wall/components/wall-screen';
import { useReleaseWatch } from '@/features/wall/hooks/use-release-watch';
import { parseWallParams } from '@/features/wall/lib/wall-params';
import { backoffDelay } from '@/lib/live-stream';
import { setUnauthorizedHandler } from '@/lib/session-events';
import { useLiveStore } from '@/stores/live-store';
import { applyTheme } from '@/stores/theme-store';

/**
 * Composition of the wall display: session (wallboard token sign-in, and signing itself back
 * in mid-shift), the live stream, release watch and the screen.
 */
export function WallRoute() {
  const [search] = useSearchParams();
  const params = useMemo(() => parseWallParams(search), [search]);
  const qc = useQueryClient();
  const me = useMe();
  const [signInError, setSignInError] = useState<string | null>(null);
  const attempt = useRef(0);
  const signingIn = useRef(false);

  // Dark by default on a wall (unless the display was explicitly set to light).
  useEffect(() => applyTheme(true), []);
  useReleaseWatch();

  // Signs in with the display's link token; on failure keeps retrying with backoff.
  const retry = useRef<() => void>(() => {});
  const signInWithToken = useCallback(() => {
    const token = params.token;
    if (!token || signingIn.current) return;
    signingIn.current = true;
    createSession({ token }).then(
      async () => {
        attempt.current = 0;
        signingIn.current = false;
        setSignInError(null);
        await qc.invalidateQueries({ queryKey: meQueryKey });
      },
      (e: unknown) => {
        setSignInError(e instanceof Error ? e.message : 'Sign-in with the display link failed');
        const delay = backoffDelay(attempt.current++);
        setTimeout(() => {
          signingIn.current = false;
          retry.current();
        }, delay);
      },
    );
  }, [params.token, qc]);
  useEffect(() => {
    retry.current = signInWithToken;
  }, [signInWithToken]);

  const onUnauthorized = useCallback(() => {
    // Drop "me" so the stream closes; with a token the effect below signs straight back in.
    qc.setQueryData(meQueryKey, null);
  }, [qc]);

  useEffect(() => setUnauthorizedHandler(onUnauthorized), [onUnauthorized]);

  const signedIn = Boolean(me.data);
  const hasData = useLiveStore((s) => s.version !== null);
  useEffect(() => {
    if (me.isSuccess && me.data === null && params.token) signInWithToken();
  }, [me.isSuccess, me.data, params.token, signInWithToken]);

  useLiveConnection(onUnauthorized, signedIn);

  if (me.isSuccess && me.data === null && !params.token) {
    const next = `/wall${search.toString() ? `?${search.toString()}` : ''}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // While signing back in mid-shift, keep the (dimmed, marked stale) picture on screen.
  if (!signedIn && !(params.token && hasData)) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-4 bg-bg p-8 text-center text-fg">
        <p className="text-[clamp(1.5rem,3vw,3rem)]" role="status">
          {signInError ? 'Signing the display in again…' : 'Starting the wall display…'}
        </p>
        {signInError && <p className="text-[clamp(1rem,1.5vw,1.5rem)] text-muted">{signInError}</p>}
      </div>
    );
  }

  return (
    <WallScreen
      params={params}
      freshness={<FreshnessIndicator variant="wall" />}
      banner={<StaleBanner variant="wall" />}
    />
  );
}
