import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import { createSession } from '@/features/auth/api/create-session';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { useLiveConnection } from '@/features/live-status/hooks/use-live-connection';
import { WallScreen } from '@/features/wall/components/wall-screen';
import { InvalidWallLink, WallCrashed, WallNotice } from '@/features/wall/components/wall-notice';
import { useReleaseWatch } from '@/features/wall/hooks/use-release-watch';
import { linkFailure } from '@/features/wall/lib/link-sign-in';
import { parseWallParams } from '@/features/wall/lib/wall-params';
import { backoffDelay } from '@/lib/live-stream';
import { setUnauthorizedHandler } from '@/lib/session-events';
import { useLiveStore } from '@/stores/live-store';
import { applyTheme } from '@/stores/theme-store';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  unreachable: { id: 'wall.unreachable', defaultMessage: "Can't reach Floorwatch" },
  trying: { id: 'wall.trying', defaultMessage: 'The display keeps trying by itself.' },
  signingIn: { id: 'wall.signing-in', defaultMessage: 'Signing the display in again…' },
  starting: { id: 'wall.starting', defaultMessage: 'Starting the wall display…' },
});

/** A refused link is checked again this rarely, in case an administrator restores it. */
const INVALID_LINK_RECHECK_MS = 5 * 60_000;

/**
 * Composition of the wall display: session (wallboard token sign-in, and signing itself back
 * in mid-shift), the live stream, release watch and the screen.
 */
export function WallRoute() {
  const [search] = useSearchParams();
  const params = useMemo(() => parseWallParams(search), [search]);
  const qc = useQueryClient();
  const me = useMe();
  const intl = useI18n();
  const [link, setLink] = useState<'ok' | 'retrying' | 'invalid'>('ok');
  const attempt = useRef(0);
  const signingIn = useRef(false);

  // Dark by default on a wall (unless the display was explicitly set to light).
  useEffect(() => applyTheme(true), []);
  useReleaseWatch();

  // Signs in with the display's link token. A refused link is said at once (and re-checked
  // rarely); network trouble and throttling are retried with backoff.
  const retry = useRef<() => void>(() => {});
  const signInWithToken = useCallback(() => {
    const token = params.token;
    if (!token || signingIn.current) return;
    signingIn.current = true;
    createSession({ token }).then(
      async () => {
        attempt.current = 0;
        signingIn.current = false;
        setLink('ok');
        await qc.invalidateQueries({ queryKey: meQueryKey });
      },
      (e: unknown) => {
        const f = linkFailure(e);
        setLink(f.kind === 'invalid' ? 'invalid' : 'retrying');
        const delay =
          f.kind === 'invalid'
            ? INVALID_LINK_RECHECK_MS
            : f.kind === 'throttled'
              ? f.retryAfterMs
              : backoffDelay(attempt.current++);
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

  // A display that boots while Floorwatch is unreachable keeps asking who it is, by itself.
  const meFailures = me.errorUpdateCount;
  const refetchMe = me.refetch;
  useEffect(() => {
    if (!me.isError) return;
    const t = setTimeout(() => void refetchMe(), backoffDelay(meFailures));
    return () => clearTimeout(t);
  }, [me.isError, meFailures, refetchMe]);

  const signedOut = me.isSuccess && me.data === null;
  if (signedOut && (params.badToken || link === 'invalid')) return <InvalidWallLink />;
  if (signedOut && !params.token) {
    const next = `/wall${search.toString() ? `?${search.toString()}` : ''}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // While signing back in mid-shift, keep the (dimmed, marked stale) picture on screen.
  if (!signedIn && !(params.token && hasData)) {
    return (
      <div role="status" className="h-full">
        {me.isError ? (
          <WallNotice title={intl.formatMessage(M.unreachable)}>
            <p>{intl.formatMessage(M.trying)}</p>
          </WallNotice>
        ) : link === 'retrying' ? (
          <WallNotice title={intl.formatMessage(M.signingIn)}>
            <p>{intl.formatMessage(M.trying)}</p>
          </WallNotice>
        ) : (
          <WallNotice title={intl.formatMessage(M.starting)} />
        )}
      </div>
    );
  }

  return (
    <ErrorBoundary fallback={() => <WallCrashed />}>
      <WallScreen params={params} />
    </ErrorBoundary>
  );
}
