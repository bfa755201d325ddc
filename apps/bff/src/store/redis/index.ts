// The Redis stores: settings and history in the one place every replica shares (REDIS_URL),
// under the replicas' key prefix. Start-up waits a bounded time for Redis and then stops with a
// StoreError naming REDIS_URL, as the SQLite adapter names an unusable data directory. Later,
// while Redis is away, a call fails at once with StoreUnavailableError (nothing is queued), and
// the floor settings answer what was last read, so screens keep their limits and names.
import type { FloorSettings } from '@floorwatch/contracts/api';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { newRedisClient, redisAddress, whenReady } from '../../ha/redis-client';
import {
  StoreError,
  StoreUnavailableError,
  type HistoryStore,
  type SettingsStore,
  type Stores,
} from '../types';
import { createRedisHistoryStore } from './history-store';
import { storeKeys } from './keys';
import { followChanges } from './notices';
import { createRedisSettingsStore } from './settings-store';

const unavailable = (err: unknown) =>
  err instanceof StoreUnavailableError
    ? err
    : new StoreUnavailableError(`Redis: ${(err as Error).message ?? String(err)}`, { cause: err });

/** Every method of `target` with its failures as StoreUnavailableError. */
function guarded<T extends object>(target: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(target))
    out[name] = (...args: unknown[]) =>
      (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
        throw unavailable(err);
      });
  return out as T;
}

export async function openRedisStores(opts: {
  url: string;
  prefix: string;
  logger: Logger;
  /** How long start-up waits for Redis. */
  connectTimeoutMs?: number;
}): Promise<Stores> {
  const log = opts.logger.child({ component: 'redis-store' });
  const redis = newRedisClient(opts.url);
  const subscriber = newRedisClient(opts.url);
  for (const c of [redis, subscriber])
    c.on('error', (err: Error) => log.debug({ err: err.message }, 'Redis connection'));
  const location = `${redisAddress(opts.url)} (keys ${opts.prefix}:settings:*, ${opts.prefix}:history:*)`;
  const keys = storeKeys(opts.prefix);
  const origin = randomBytes(6).toString('hex');
  const changes = followChanges({
    subscriber,
    channel: keys.changes,
    origin,
    beforeResync: () => whenReady(redis, 10_000),
    onBadNotice: (err) => log.warn({ err: String(err) }, 'settings notice not understood'),
  });
  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  try {
    await Promise.all([whenReady(redis, timeoutMs), whenReady(subscriber, timeoutMs)]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      changes.subscribed,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no subscription to its notices')), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (err) {
    redis.disconnect();
    subscriber.disconnect();
    throw new StoreError(
      `REDIS_URL: cannot reach Redis at ${redisAddress(opts.url)} (${(err as Error).message}); ` +
        'settings and history are kept there when REDIS_URL is set',
    );
  }

  const settings = guarded(createRedisSettingsStore({ redis, keys, origin }));
  const history: HistoryStore = guarded(createRedisHistoryStore({ redis, keys }));

  let lastFloor: FloorSettings | null = null;
  let servingLast = false;
  const floorSettings: SettingsStore['floorSettings'] = async () => {
    try {
      lastFloor = await settings.floorSettings();
      servingLast = false;
      return lastFloor;
    } catch (err) {
      if (!lastFloor) throw err;
      if (!servingLast)
        log.warn({ err: String(err) }, 'Redis unreachable: serving the floor settings last read');
      servingLast = true;
      return lastFloor;
    }
  };

  let closed = false;
  return {
    settings: { ...settings, floorSettings },
    history,
    location,
    changes,
    async close() {
      if (closed) return;
      closed = true;
      subscriber.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
