// The notice every change publishes (inside the change's own script), so the other replicas act
// on it as the one that made it does: a changed wall link updates its displays' sessions and ends
// their streams there too. A replica ignores its own notices, and after its subscription was
// lost (Redis went away) it hears `resync`, since whatever was published meanwhile is gone.
import type { Redis } from 'ioredis';
import type { SettingsChange } from '../types';

interface Notice {
  origin: string;
  change: SettingsChange;
}

export const noticeOf = (origin: string, change: SettingsChange): string =>
  JSON.stringify({ origin, change } satisfies Notice);

export interface ChangeFeed {
  subscribe(listener: (change: SettingsChange) => void): () => void;
  /** Resolves once the first subscription is in place. */
  readonly subscribed: Promise<void>;
}

export function followChanges(opts: {
  subscriber: Redis;
  channel: string;
  origin: string;
  /** Awaited before `resync` is told (the command connection may come back a little later). */
  beforeResync: () => Promise<void>;
  onBadNotice: (err: unknown) => void;
}): ChangeFeed {
  const listeners = new Set<(change: SettingsChange) => void>();
  const emit = (change: SettingsChange) => {
    for (const l of listeners) {
      try {
        l(change);
      } catch (err) {
        opts.onBadNotice(err);
      }
    }
  };
  let subscribedBefore = false;
  let firstSubscription = () => {};
  const subscribed = new Promise<void>((resolve) => (firstSubscription = resolve));
  opts.subscriber.on('message', (channel: string, text: string) => {
    if (channel !== opts.channel) return;
    let notice: Notice;
    try {
      notice = JSON.parse(text) as Notice;
    } catch (err) {
      opts.onBadNotice(err);
      return;
    }
    if (notice.origin !== opts.origin) emit(notice.change);
  });
  opts.subscriber.on('ready', () => {
    opts.subscriber
      .subscribe(opts.channel)
      .then(async () => {
        const again = subscribedBefore;
        subscribedBefore = true;
        firstSubscription();
        if (again) {
          await opts.beforeResync();
          emit({ kind: 'resync' });
        }
      })
      .catch(opts.onBadNotice);
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    subscribed,
  };
}
