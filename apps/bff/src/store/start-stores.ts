// Start-up of the persistent parts: open the store (SQLite in the data directory, or Redis with
// REDIS_URL, shared by every replica; a StoreError names what cannot be used), seed it, and read
// the recent history back into memory. With Redis, an emptied Redis is seeded again when it
// comes back, as a first start would be.
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createDurableHistory, type DurableHistory } from '../monitor/durable-history';
import { openRedisStores } from './redis/index';
import { seedInput } from './seed';
import { openSqliteStores } from './sqlite/index';
import { StoreError, type Stores } from './types';

export interface PersistentParts {
  stores: Stores;
  history: DurableHistory;
  /** Writes the history that is left and closes the store. */
  close(): Promise<void>;
}

async function openStores(
  config: Pick<Config, 'store' | 'redis'>,
  logger: Logger,
  now: () => number,
): Promise<Stores> {
  if (config.redis)
    return openRedisStores({ url: config.redis.url, prefix: config.redis.prefix, logger });
  if (config.store.dataDir === null) throw new StoreError('FLOORWATCH_DATA_DIR: not set');
  return openSqliteStores(config.store.dataDir, { now });
}

export async function startStores(opts: {
  config: Pick<Config, 'store' | 'thresholds' | 'gateway' | 'redis' | 'sim'>;
  historyStepSec: number;
  logger: Logger;
  /** Whether this process writes the history now (replicas: only the leader); always if unset. */
  historyWriter?: () => boolean;
  now?: () => number;
}): Promise<PersistentParts> {
  const { config, logger } = opts;
  const now = opts.now ?? Date.now;
  const stores = await openStores(config, logger, now);
  const seed = () =>
    stores.settings.seed(
      seedInput({
        thresholds: config.thresholds,
        reasons: config.store.reasons,
        embeddedSimulator: config.gateway.mode === 'embedded',
        simLocale: config.sim.locale,
      }),
      { username: 'system', at: now() },
    );
  let unsubscribe = () => {};
  try {
    const seeded = await seed();
    const history = createDurableHistory({
      store: stores.history,
      stepSec: opts.historyStepSec,
      logger,
      now,
      ...(opts.historyWriter ? { isWriter: opts.historyWriter } : {}),
    });
    const restored = await history.load();
    logger.info(
      {
        database: stores.location,
        seededSiteLimits: seeded.siteLimits,
        seededReasons: seeded.reasons,
        historyPointsRestored: restored,
      },
      'settings store open',
    );
    unsubscribe =
      stores.changes?.subscribe((change) => {
        if (change.kind !== 'resync') return;
        void reseed(stores, seed, logger);
      }) ?? unsubscribe;
    return {
      stores,
      history,
      async close() {
        unsubscribe();
        await history.close();
        await stores.close();
      },
    };
  } catch (err) {
    await stores.close();
    throw err;
  }
}

/** After Redis came back: seeding adds only what is missing, so this is a no-op unless Redis lost
 *  its data (then the settings start over from the seed, as on a first start). */
async function reseed(
  stores: Stores,
  seed: () => ReturnType<Stores['settings']['seed']>,
  logger: Logger,
): Promise<void> {
  try {
    const added = await seed();
    if (added.siteLimits || added.reasons.length > 0)
      logger.warn(
        { seededSiteLimits: added.siteLimits, seededReasons: added.reasons },
        'settings store: Redis came back without the settings; seeded them again',
      );
  } catch (err) {
    logger.warn({ err: String(err) }, 'settings store: seeding after Redis came back failed');
  }
}
