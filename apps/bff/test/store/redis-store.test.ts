// What only the Redis adapter has, against a real redis-server: start-up that names REDIS_URL when
// Redis cannot be reached, notices that carry a change to the other replicas, and a Redis that
// goes away (the floor settings last read are still answered, a change is refused as
// unavailable) and comes back empty (seeded again, as on a first start).
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, parseConfig } from '../../src/config';
import { openRedisStores } from '../../src/store/redis/index';
import { startStores } from '../../src/store/start-stores';
import {
  StoreError,
  StoreUnavailableError,
  type SettingsChange,
  type Stores,
} from '../../src/store/types';
import { waitFor } from '../component/harness';
import { freePort, REDIS_SERVER, startRedis, type RedisServer } from '../ha/redis-server';

const logger = pino({ level: 'silent' });
const ann = (at: number) => ({ username: 'ann', at });
const NO_KPI = { waiting: null, longestWaitSec: null, serviceLevelPct: null };

describe.skipIf(!REDIS_SERVER)('the Redis store', () => {
  let redis: RedisServer;
  let n = 0;
  const opened: Stores[] = [];
  const open = async (prefix = `fw-redis-${++n}`) => {
    const s = await openRedisStores({ url: redis.url, prefix, logger });
    opened.push(s);
    return s;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    await redis?.stop();
  });

  it('stops start-up naming REDIS_URL (without its password) when Redis cannot be reached', async () => {
    const port = await freePort();
    const err = await openRedisStores({
      url: `redis://:s3cret@127.0.0.1:${port}/2`,
      prefix: 'x',
      logger,
      connectTimeoutMs: 300,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(
      new RegExp(`^REDIS_URL: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}/2 `),
    );
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('tells the other replicas of each change, not the one that made it', async () => {
    const a = await open();
    const b = await open(`fw-redis-${n}`);
    const heardByA: SettingsChange[] = [];
    const heardByB: SettingsChange[] = [];
    a.changes!.subscribe((c) => heardByA.push(c));
    b.changes!.subscribe((c) => heardByB.push(c));
    const link = await a.settings.createWallLink(
      { name: 'Floor 2', queues: [1], rotateSec: null, lang: null, sound: false },
      'hash-of-a-token',
      ann(1),
    );
    await a.settings.putWallLink(link.id, { ...link, queues: [1, 2] }, ann(2));
    await a.settings.putGroup(4, { version: 0, name: 'North' }, ann(3));
    await a.settings.deleteWallLink(link.id, 2, ann(4));
    await waitFor(() => heardByB.length === 3, 'three notices on B');
    expect(heardByB).toEqual([
      { kind: 'wall-link', id: link.id },
      { kind: 'floor' },
      { kind: 'wall-link', id: link.id },
    ]);
    expect(heardByA).toEqual([]);
    // The deleted link's token no longer opens anything, on either replica.
    expect(await b.settings.useWallLink('hash-of-a-token', 5)).toBeNull();
  });

  it('Redis gone: the last floor settings are answered and changes refused; back empty: seeded again', async () => {
    const prefix = `fw-redis-${++n}`;
    const config = parseConfig({
      CCGW_URL: 'http://127.0.0.1:9',
      CCGW_AGENT_ID: '101',
      CCGW_PASSWORD: 'x',
      FLOORWATCH_USERS: '/nonexistent/users.json',
      REDIS_URL: redis.url,
      FLOORWATCH_REDIS_PREFIX: prefix,
    });
    const parts = await startStores({ config, historyStepSec: 10, logger });
    try {
      const { settings } = parts.stores;
      const seeded = await settings.floorSettings();
      expect(seeded.limits).toEqual({ version: 1, states: DEFAULT_THRESHOLDS, kpi: NO_KPI });
      const changed = await settings.putSiteLimits({ ...seeded.limits, states: {} }, ann(1));
      expect(changed.ok).toBe(true);
      await settings.floorSettings();

      await redis.stop();
      expect((await settings.floorSettings()).limits).toEqual({
        version: 2,
        states: {},
        kpi: NO_KPI,
      });
      await expect(settings.putGroup(1, { version: 0, name: 'x' }, ann(2))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(parts.stores.history.read({ from: 0, to: 1 })).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );

      // This redis-server keeps nothing on disk: it comes back empty, and is seeded again.
      await redis.restart();
      await waitFor(
        async () => (await settings.floorSettings()).limits.version === 1,
        'site limits seeded again',
        15_000,
      );
      expect((await settings.floorSettings()).limits.states).toEqual(DEFAULT_THRESHOLDS);
    } finally {
      await parts.close();
    }
  }, 30_000);
});
