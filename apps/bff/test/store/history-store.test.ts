// The history store contract, run against every adapter on real storage (SQLite files, a real
// redis-server): points written, overwritten, read by range and queue, and pruned, and what
// start-up reads back from a large floor. One suite, so the adapters cannot drift apart.
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../src/store/types';
import { storeAdapters } from './adapters';

const T0 = 1_800_000_000_000;
const STEP = 10_000;

const point = (t: number, o: Partial<HistoryPoint> = {}): HistoryPoint => ({
  t,
  counts: {
    idle: 1,
    talking: 2,
    wrapup: 0,
    busy: 0,
    rest: 3,
    prerest: 0,
    signedout: 0,
    unknown: 0,
  },
  waiting: 4,
  longestWaitSec: 75,
  serviceLevel: 87.5,
  ...o,
});

for (const adapter of storeAdapters()) {
  describe.skipIf(adapter.skip)(`${adapter.name} history store`, () => {
    it('keeps each point as written, the last write of a time winning; reads ranges by queue', async () => {
      const { history } = await adapter.open(await adapter.place());
      await history.write([
        { skillId: 7, point: point(T0) },
        { skillId: 7, point: point(T0 + STEP, { waiting: null, serviceLevel: null }) },
        { skillId: 3, point: point(T0 + STEP, { longestWaitSec: null, serviceLevel: 100 }) },
        // Across a quarter hour and an hour: points of one queue come back in time order.
        { skillId: 7, point: point(T0 + 3_600_000, { waiting: 9 }) },
      ]);
      // The step written again before it closed: the later values replace the earlier ones.
      await history.write([{ skillId: 7, point: point(T0, { waiting: 5, serviceLevel: 66.7 }) }]);
      await history.write([]);

      const all = await history.read({ from: T0, to: T0 + 3_600_000 });
      expect(all.map((q) => q.skillId)).toEqual([3, 7]);
      expect(all[1]!.points).toEqual([
        point(T0, { waiting: 5, serviceLevel: 66.7 }),
        point(T0 + STEP, { waiting: null, serviceLevel: null }),
        point(T0 + 3_600_000, { waiting: 9 }),
      ]);
      expect(all[0]!.points).toEqual([
        point(T0 + STEP, { longestWaitSec: null, serviceLevel: 100 }),
      ]);
      // Both ends included; a queue without points in the range is left out.
      const part = await history.read({ from: T0 + STEP, to: T0 + STEP, skillIds: [7, 99] });
      expect(part).toEqual([
        { skillId: 7, points: [point(T0 + STEP, { waiting: null, serviceLevel: null })] },
      ]);
      expect(await history.read({ from: T0 + 2 * STEP, to: T0 + 3 * STEP })).toEqual([]);
    });

    it('prunes the points older than a time, answering how many, and keeps the rest', async () => {
      const { history } = await adapter.open(await adapter.place());
      const rows: HistoryRow[] = [];
      // Three hours of two queues at one point a minute: 360 points.
      for (let m = 0; m < 180; m += 1)
        for (const skillId of [1, 2]) rows.push({ skillId, point: point(T0 + m * 60_000) });
      await history.write(rows);
      // A cut inside a quarter hour: 100 minutes and 30 s, so minutes 0–100 go.
      const cut = T0 + 100 * 60_000 + 30_000;
      expect(await history.prune(cut)).toBe(2 * 101);
      expect(await history.prune(cut)).toBe(0);
      const left = await history.read({ from: T0, to: T0 + 180 * 60_000 });
      expect(left.map((q) => [q.skillId, q.points.length, q.points[0]!.t])).toEqual([
        [1, 79, T0 + 101 * 60_000],
        [2, 79, T0 + 101 * 60_000],
      ]);
      expect(await history.prune(T0 + 181 * 60_000)).toBe(2 * 79);
      expect(await history.read({ from: T0, to: T0 + 180 * 60_000 })).toEqual([]);
    });

    it('reads back a large floor in one answer: 500 queues × 400 steps, in order per queue', async () => {
      const stores = await adapter.open(await adapter.place());
      for (let step = 0; step < 400; step += 100) {
        const rows: HistoryRow[] = [];
        for (let s = step; s < step + 100; s++)
          for (let q = 1; q <= 500; q++)
            rows.push({
              skillId: q,
              point: {
                t: T0 + s * STEP,
                counts: {
                  idle: q % 7,
                  talking: s % 5,
                  wrapup: 0,
                  busy: 0,
                  rest: 0,
                  prerest: 0,
                  signedout: 0,
                  unknown: 0,
                },
                waiting: s,
                longestWaitSec: null,
                serviceLevel: null,
              },
            });
        await stores.history.write(rows);
      }
      const all = await stores.history.read({ from: T0, to: T0 + 400 * STEP });
      expect(all).toHaveLength(500);
      expect(all.map((q) => q.skillId)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(all.every((q) => q.points.length === 400)).toBe(true);
      expect(all[499]!.points.map((p) => p.waiting)).toEqual(
        Array.from({ length: 400 }, (_, i) => i),
      );
      const few = await stores.history.read({
        from: T0 + STEP,
        to: T0 + 2 * STEP,
        skillIds: [7, 3],
      });
      expect(few.map((q) => [q.skillId, q.points.map((p) => p.t - T0)])).toEqual([
        [3, [STEP, 2 * STEP]],
        [7, [STEP, 2 * STEP]],
      ]);
    }, 60_000);
  });
}
