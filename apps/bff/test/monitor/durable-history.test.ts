// The history that survives a restart, over a real SQLite file and an injected clock: batched
// writes, read back at start, older ranges from the store, nothing kept beyond yesterday, and
// replicas sharing one store where only the leader writes and a new leader leaves no gap.
import type { Queue } from '@floorwatch/contracts/api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { createDurableHistory } from '../../src/monitor/durable-history';
import { openSqliteStores } from '../../src/store/sqlite/index';
import type { HistoryRow, HistoryStore, Stores } from '../../src/store/types';
import { NO_KPIS } from '../factories';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000; // a whole hour
const log = pino({ level: 'silent' });

const opened: Stores[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
function open(dir: string) {
  const s = openSqliteStores(dir);
  opened.push(s);
  return s;
}

function queue(skillId: number, idle: number, serviceLevel: number | null): Queue {
  return {
    skillId,
    name: '',
    mediaType: 5,
    agents: [],
    counts: { idle, talking: 1, wrapup: 0, busy: 0, rest: 0, prerest: 0, signedout: 0, unknown: 0 },
    waiting: idle,
    longestWaitSec: null,
    ...NO_KPIS,
    serviceLevel,
  };
}

/** Counts the batches the store is given, passing them on to the real one. */
function counting(store: HistoryStore) {
  const batches: number[] = [];
  const wrapped: HistoryStore = {
    ...store,
    write(rows: readonly HistoryRow[]) {
      batches.push(rows.length);
      return store.write(rows);
    },
  };
  return { wrapped, batches };
}

it('writes in batches, reads the last hours back after a restart, and older ranges from the store', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-hist-'));
  let now = T0;
  const first = open(dir);
  const { wrapped, batches } = counting(first.history);
  const h1 = createDurableHistory({
    store: wrapped,
    stepSec: 10,
    memoryMs: 2 * HOUR,
    warmMs: HOUR,
    logger: log,
    now: () => now,
  });
  // Three hours of a 3-queue floor, flushed every 5 minutes as the timer would.
  for (let i = 0; i < 3 * 360; i++) {
    now = T0 + i * 10_000;
    h1.record(now, [queue(1, i % 7, 85.25), queue(2, 2, null), queue(3, 3, 100)]);
    if (i % 30 === 29) await h1.flush();
  }
  await h1.close();
  expect(batches.length).toBe(36); // one batch per flush, not one write per queue per step
  expect(batches.every((n) => n === 90)).toBe(true);
  await first.close();

  // A restart a minute later: the last hour comes back into memory, the rest is in the store.
  now += 60_000;
  const second = open(dir);
  const h2 = createDurableHistory({
    store: second.history,
    stepSec: 10,
    memoryMs: 2 * HOUR,
    warmMs: HOUR,
    logger: log,
    now: () => now,
  });
  expect(await h2.load()).toBe(3 * 355); // the last hour: steps 725–1079 of each queue
  const lastHour = await h2.query({ from: now - HOUR, to: now, skillIds: [1] });
  expect(lastHour.queues[0]!.points).toHaveLength(355);
  expect(lastHour.queues[0]!.points.at(-1)).toMatchObject({
    t: T0 + (3 * 360 - 1) * 10_000,
    serviceLevel: 85.3, // kept to one decimal
  });
  const all = await h2.query({ from: T0, to: now });
  expect(all.queues.map((q) => [q.skillId, q.points.length])).toEqual([
    [1, 1080],
    [2, 1080],
    [3, 1080],
  ]);
  expect(all.queues[1]!.points[0]).toMatchObject({ t: T0, serviceLevel: null, waiting: 2 });
  // New points after the restart continue the same series.
  h2.record(now, [queue(1, 9, 50)]);
  const tail = await h2.query({ from: now - 20_000, to: now, skillIds: [1] });
  expect(tail.queues[0]!.points.at(-1)).toMatchObject({ counts: { idle: 9 }, serviceLevel: 50 });
});

it('keeps today and yesterday: points older than 48 hours are pruned from the store', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-hist-prune-'));
  let now = T0;
  const stores = open(dir);
  const h = createDurableHistory({
    store: stores.history,
    stepSec: 10,
    logger: log,
    now: () => now,
  });
  h.record(now, [queue(1, 1, 90)]);
  await h.flush();
  now = T0 + 47 * HOUR;
  h.record(now, [queue(1, 2, 90)]);
  await h.flush();
  expect((await stores.history.read({ from: 0, to: now }))[0]!.points).toHaveLength(2);
  now = T0 + 49 * HOUR;
  h.record(now, [queue(1, 3, 90)]);
  await h.flush();
  const left = (await stores.history.read({ from: 0, to: now }))[0]!.points.map((p) => p.t);
  expect(left).toEqual([T0 + 47 * HOUR, T0 + 49 * HOUR]);
  await h.close();
});

it('replicas on one store: only the writer writes, and a new writer writes what the old one had not', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-hist-replicas-'));
  let now = T0;
  let leader: 'a' | 'b' = 'a';
  const [a, b] = [open(dir), open(dir)].map((s) => counting(s.history));
  const replica = (name: 'a' | 'b', store: HistoryStore) =>
    createDurableHistory({
      store,
      stepSec: 10,
      flushEveryMs: 30_000,
      isWriter: () => leader === name,
      logger: log,
      now: () => now,
    });
  const ha = replica('a', a!.wrapped);
  const hb = replica('b', b!.wrapped);
  // Both record the same commits for 3 minutes; each flushes every 30 s; A leads.
  let step = 0;
  const run = async (until: number, flushA: boolean) => {
    for (; step < until; step++) {
      now = T0 + step * 10_000;
      for (const h of [ha, hb]) h.record(now, [queue(1, step % 5, null)]);
      if (step % 3 === 2) {
        if (flushA) await ha.flush();
        await hb.flush();
      }
    }
  };
  await run(18, true);
  expect(b!.batches).toEqual([]);
  // A dies just before a flush (its last 2 steps unwritten); B leads from the next tick on.
  await run(20, false);
  leader = 'b';
  await run(24, false);
  // Its first write: what it held back at its last flush as a follower (two flush intervals,
  // steps 11–17) and what came since (18–20), not all 3 minutes; then its own next flush.
  expect(b!.batches).toEqual([10, 3]);
  const stored = await a!.wrapped.read({ from: T0, to: T0 + 23 * 10_000 });
  expect(stored[0]!.points.map((p) => (p.t - T0) / 10_000)).toEqual(
    Array.from({ length: 24 }, (_, i) => i),
  );
});
