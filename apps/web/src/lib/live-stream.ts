// The SSE connection that feeds the live store: EventSource, zod validation of every message,
// gap detection → resync, silence watchdog and reconnect with capped exponential backoff. A
// message that fails validation is dropped and the picture re-fetched from /api/v1/snapshot (with
// backoff while that fails too), so one bad value never freezes the screen.
// The subpath, not the package root: the root would bring the gateway tables into the bundle.
import { backoff } from '@floorwatch/contracts/backoff';
import {
  heartbeat,
  patch,
  snapshot,
  STREAM_EVENTS,
  type Snapshot,
} from '@floorwatch/contracts/api';
import type { z } from 'zod';
import { env } from '@/config/env';
import { useLiveStore } from '@/stores/live-store';

export interface LiveStreamOptions {
  url?: string;
  /** Asked when the stream is refused: resolves true when the session is gone (401). */
  checkUnauthorized: () => Promise<boolean>;
  onUnauthorized: () => void;
  fetchSnapshot: () => Promise<Snapshot>;
  silenceMs?: number;
  /** Injectable for tests. */
  createEventSource?: (url: string) => EventSource;
}

/** Reconnect delay: 1 s doubling to 30 s, jittered so a BFF restart is not met by every screen
 *  of the floor in the same second. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return backoff(attempt, { initialMs: 1000, maxMs: 30_000, random });
}

export function connectLiveStream(opts: LiveStreamOptions): () => void {
  const store = useLiveStore;
  const url = opts.url ?? `${env.VITE_API_BASE}/api/v1/stream`;
  const silenceMs = opts.silenceMs ?? env.streamSilenceMs;
  let es: EventSource | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let resyncing = false;
  let resyncTimer: ReturnType<typeof setTimeout> | null = null;
  let resyncAttempt = 0;
  /** The stream is delivering (opened, or a valid message arrived since the last error). */
  let streamUp = false;

  const parse = <S extends z.ZodType>(
    schema: S,
    ev: MessageEvent<unknown>,
    name: string,
  ): z.infer<S> | null => {
    let json: unknown;
    try {
      json = typeof ev.data === 'string' ? JSON.parse(ev.data) : null;
    } catch {
      store.getState().reportBadMessage(`${name}: not JSON`);
      return null;
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      // Keep the last good picture; count it so the screen can say something is off.
      store.getState().reportBadMessage(`${name}: ${r.error.issues[0]?.message ?? 'invalid'}`);
      console.warn('[floorwatch] dropped malformed', name, r.error.issues.slice(0, 3));
      return null;
    }
    return r.data;
  };

  /** A valid message proves the stream delivers: say so once there is a picture to show. */
  const delivering = () => {
    streamUp = true;
    const st = store.getState();
    if (st.connection !== 'open' && st.version !== null) st.setConnection('open');
  };

  const resync = async () => {
    if (resyncing || stopped || resyncTimer !== null) return;
    resyncing = true;
    try {
      const s = await opts.fetchSnapshot();
      if (stopped) return;
      resyncAttempt = 0;
      store.getState().applySnapshot(s);
      if (streamUp) store.getState().setConnection('open');
    } catch {
      // The snapshot cannot be read either (the server may still be sending the bad value):
      // try again with backoff; the stream stays open and a valid snapshot on it also heals.
      if (!stopped) {
        const delay = backoffDelay(resyncAttempt);
        resyncAttempt += 1;
        resyncTimer = setTimeout(() => {
          resyncTimer = null;
          void resync();
        }, delay);
      }
    } finally {
      resyncing = false;
    }
  };

  const close = () => {
    streamUp = false;
    if (es) {
      es.onopen = null;
      es.onerror = null;
      es.close();
    }
    es = null;
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer !== null) return;
    const delay = backoffDelay(attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  };

  const reconnect = () => {
    close();
    store.getState().setConnection('reconnecting');
    scheduleRetry();
  };

  const open = () => {
    if (stopped) return;
    close();
    const create = opts.createEventSource ?? ((u: string) => new EventSource(u));
    const source = create(url);
    es = source;
    if (store.getState().connection !== 'reconnecting')
      store.getState().setConnection('connecting');

    source.onopen = () => {
      attempt = 0;
      streamUp = true;
    };
    source.addEventListener(STREAM_EVENTS.snapshot, (ev) => {
      const s = parse(snapshot, ev, 'snapshot');
      if (!s) {
        // Without it there is no picture to patch: fetch one rather than wait for ever.
        void resync();
        return;
      }
      attempt = 0;
      streamUp = true;
      // A good snapshot on the stream heals as well as a fetched one.
      if (resyncTimer !== null) clearTimeout(resyncTimer);
      resyncTimer = null;
      resyncAttempt = 0;
      store.getState().applySnapshot(s);
      store.getState().setConnection('open');
    });
    source.addEventListener(STREAM_EVENTS.patch, (ev) => {
      const p = parse(patch, ev, 'patch');
      if (!p) {
        // A patch we cannot read leaves us behind: the next one will be a gap anyway.
        void resync();
        return;
      }
      if (store.getState().applyPatch(p) === 'gap') void resync();
      delivering();
    });
    source.addEventListener(STREAM_EVENTS.heartbeat, (ev) => {
      const h = parse(heartbeat, ev, 'heartbeat');
      if (!h) {
        void resync();
        return;
      }
      store.getState().applyHeartbeat(h);
      delivering();
      // Still no picture (the stream's snapshot was unreadable), or we missed a patch.
      if (store.getState().version === null || store.getState().resyncNeeded) void resync();
    });
    source.onerror = () => {
      streamUp = false;
      if (stopped) return;
      if (source.readyState === EventSource.CONNECTING) {
        // The browser retries by itself; say so, and let the watchdog take over if it hangs.
        store.getState().setConnection('reconnecting');
        return;
      }
      // CLOSED: the server refused the stream (401, 5xx, wrong content type).
      store.getState().setConnection('reconnecting');
      close();
      void opts.checkUnauthorized().then(
        (gone) => {
          if (stopped) return;
          if (gone) {
            store.getState().setConnection('closed');
            opts.onUnauthorized();
          } else scheduleRetry();
        },
        () => scheduleRetry(),
      );
    };
  };

  watchdog = setInterval(() => {
    const { lastMessageAt, connection } = store.getState();
    if (connection === 'open' && lastMessageAt !== null && Date.now() - lastMessageAt > silenceMs)
      reconnect();
  }, 5_000);

  open();

  return () => {
    stopped = true;
    if (retryTimer !== null) clearTimeout(retryTimer);
    if (resyncTimer !== null) clearTimeout(resyncTimer);
    if (watchdog !== null) clearInterval(watchdog);
    close();
    store.getState().setConnection('closed');
  };
}
