// The store adapters the contract tests run against, each on real storage: SQLite files in a
// temporary directory, and a real redis-server on a free port (the Redis tests are skipped only
// where redis-server is not installed; `npm test` installs it). A "place" is where one store
// lives: a directory, or a key prefix in the shared Redis. Opening the same place again is a
// restart, or a second process (replica) on the same data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach } from 'vitest';
import { openRedisStores } from '../../src/store/redis/index';
import { openSqliteStores } from '../../src/store/sqlite/index';
import type { Stores } from '../../src/store/types';
import { REDIS_SERVER, startRedis, type RedisServer } from '../ha/redis-server';

export interface StoreAdapter {
  name: string;
  /** Not runnable here (no redis-server). */
  skip: boolean;
  /** A new, empty place. */
  place(): Promise<string>;
  /** Opens the stores at a place; closed after each test. */
  open(place: string): Promise<Stores>;
}

/** Both adapters, with the hooks that close what a test opened and stop redis-server. */
export function storeAdapters(): StoreAdapter[] {
  const opened: Stores[] = [];
  let redis: Promise<RedisServer> | null = null;
  let places = 0;
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  afterAll(async () => {
    await (await redis)?.stop();
  });
  const track = (s: Stores) => {
    opened.push(s);
    return s;
  };
  return [
    {
      name: 'SQLite',
      skip: false,
      place: () => Promise.resolve(mkdtempSync(path.join(tmpdir(), 'fw-store-'))),
      open: (dir) => Promise.resolve(track(openSqliteStores(dir))),
    },
    {
      name: 'Redis',
      skip: !REDIS_SERVER,
      async place() {
        redis ??= startRedis();
        await redis;
        places += 1;
        return `fw-test-${process.pid}-${places}`;
      },
      async open(prefix) {
        const server = await (redis ??= startRedis());
        return track(
          await openRedisStores({ url: server.url, prefix, logger: pino({ level: 'silent' }) }),
        );
      },
    },
  ];
}
