// The leader's publish against a real redis-server: it is fenced by the lock, and a lock that
// vanished because Redis came back empty does not end the leader's term.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitFeed } from '../../src/ha/commit-feed';
import { createLeaderLock } from '../../src/ha/leader-lock';
import { REDIS_SERVER, startRedis, type RedisServer } from './redis-server';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const prefix = 'fw-test';
const ttlMs = 5000;
const snapshot = { version: 7, agents: [], queues: [] } as never;
const patch = { version: 7 } as never;

describe.skipIf(!REDIS_SERVER)('commit feed', () => {
  it('publishes for the lock holder only', async () => {
    const a = createLeaderLock({ redis, prefix, replicaId: 'a', ttlMs });
    const b = createLeaderLock({ redis, prefix, replicaId: 'b', ttlMs });
    const feed = createCommitFeed({ redis, prefix, ttlMs });
    const term = await a.tryAcquire();
    expect(term).not.toBeNull();
    expect(await b.tryAcquire()).toBeNull();
    expect(await feed.publishPatch(term!, patch, snapshot)).toBe(true);
    expect((await feed.latestSnapshot())?.version).toBe(7);

    // Another holder (after this term's lock expired and b took it): a's publish is refused.
    await redis.set(`${prefix}:leader`, '999|b');
    expect(await feed.publishQuiet(term!, 7, Date.now())).toBe(false);
    await a.release(term!);
    await redis.del(`${prefix}:leader`);
  });

  it('takes a vanished lock back on publish, so a leader stays leader after Redis came back empty', async () => {
    const a = createLeaderLock({ redis, prefix, replicaId: 'a', ttlMs });
    const feed = createCommitFeed({ redis, prefix, ttlMs });
    const term = (await a.tryAcquire())!;
    await redis.flushall(); // what a restarted Redis without persistence holds
    expect(await feed.publishQuiet(term, 8, Date.now())).toBe(true);
    expect(await a.holder()).toEqual({ token: term.token, replica: 'a' });
    const pttl = await redis.pttl(`${prefix}:leader`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(ttlMs);
  });
});
