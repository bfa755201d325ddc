// Start-up of the persistent parts: open the store in the data directory (a StoreError names the
// path when it cannot be used), seed it, and read the recent history back into memory.
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createDurableHistory, type DurableHistory } from '../monitor/durable-history';
import { seedInput } from './seed';
import { openSqliteStores } from './sqlite/index';
import type { Stores } from './types';

export interface PersistentParts {
  stores: Stores;
  history: DurableHistory;
  /** Writes the history that is left and closes the store. */
  close(): Promise<void>;
}

export async function startStores(opts: {
  config: Pick<Config, 'store' | 'thresholds' | 'gateway' | 'sim'>;
  historyStepSec: number;
  logger: Logger;
  now?: () => number;
}): Promise<PersistentParts> {
  const { config, logger } = opts;
  const now = opts.now ?? Date.now;
  const stores = openSqliteStores(config.store.dataDir, { now });
  try {
    const seeded = await stores.settings.seed(
      seedInput({
        thresholds: config.thresholds,
        reasons: config.store.reasons,
        embeddedSimulator: config.gateway.mode === 'embedded',
        simLocale: config.sim.locale,
      }),
      { username: 'system', at: now() },
    );
    const history = createDurableHistory({
      store: stores.history,
      stepSec: opts.historyStepSec,
      logger,
      now,
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
    return {
      stores,
      history,
      async close() {
        await history.close();
        await stores.close();
      },
    };
  } catch (err) {
    await stores.close();
    throw err;
  }
}
