import { describe, expect, it } from 'vitest';
import type { Queue } from '@floorwatch/contracts/api';
import { createHistory } from '../../src/monitor/history';
import { NO_KPIS } from '../factories';

function queue(
  skillId: number,
  idle: number,
  waiting: number | null,
  longest: number | null = null,
): Queue {
  return {
    skillId,
    name: '',
    mediaType: 5,
    agents: [],
    counts: { idle, talking: 1, wrapup: 0, busy: 0, rest: 0, prerest: 0, signedout: 0, unknown: 0 },
    waiting,
    longestWaitSec: longest,
    ...NO_KPIS,
  };
}

const T0 = 1_800_000_000_000; // a multiple of 10 s

describe('queue history', () => {
  it('keeps the last value of each step', () => {
    const h = createHistory({ stepSec: 10, retentionMs: 3_600_000 });
    h.record(T0 + 1000, [queue(1, 3, 0)]);
    h.record(T0 + 9000, [queue(1, 4, 2, 40)]);
    h.record(T0 + 10_000, [queue(1, 5, null)]);
    const res = h.query({ from: T0, to: T0 + 20_000 });
    expect(res.stepSec).toBe(10);
    expect(res.queues).toEqual([
      {
        skillId: 1,
        points: [
          {
            t: T0,
            counts: expect.objectContaining({ idle: 4, talking: 1 }),
            waiting: 2,
            longestWaitSec: 40,
            serviceLevel: null,
          },
          {
            t: T0 + 10_000,
            counts: expect.objectContaining({ idle: 5 }),
            waiting: null,
            longestWaitSec: null,
            serviceLevel: null,
          },
        ],
      },
    ]);
  });

  it('filters by skill and range, and widens columns for large values', () => {
    const h = createHistory({ stepSec: 10, retentionMs: 3_600_000 });
    for (let i = 0; i < 30; i++)
      h.record(T0 + i * 10_000, [queue(1, i, i), queue(2, 300 + i, 70_000 + i, 100_000)]);
    const res = h.query({ from: T0 + 50_000, to: T0 + 70_000, skillIds: [2] });
    expect(res.queues).toHaveLength(1);
    expect(res.queues[0]!.points.map((p) => p.counts.idle)).toEqual([305, 306, 307]);
    expect(res.queues[0]!.points.map((p) => p.waiting)).toEqual([70_005, 70_006, 70_007]);
    expect(res.queues[0]!.points[0]!.longestWaitSec).toBe(100_000);
    // Unknown skills come back empty rather than missing.
    expect(h.query({ from: T0, to: T0 + 1, skillIds: [99] }).queues).toEqual([
      { skillId: 99, points: [] },
    ]);
  });

  it('drops points older than the retention', () => {
    const h = createHistory({ stepSec: 10, retentionMs: 120_000, chunkSteps: 6 });
    for (let i = 0; i < 60; i++) h.record(T0 + i * 10_000, [queue(1, 1, 0)]);
    const pts = h.query({ from: 0, to: T0 + 600_000 }).queues[0]!.points;
    expect(pts.length).toBeGreaterThanOrEqual(12);
    expect(pts.length).toBeLessThanOrEqual(12 + 6);
    expect(pts.at(-1)!.t).toBe(T0 + 590_000);
    expect(pts[0]!.t).toBeGreaterThanOrEqual(T0 + 590_000 - 120_000 - 60_000);
  });

  it('stays small: a full 24 h at 10 s costs about a dozen bytes per point', () => {
    const h = createHistory({ stepSec: 10, retentionMs: 24 * 3_600_000 });
    // 50 queues keep the test fast; memory is per queue, so 500 queues cost 10× this.
    const queues = Array.from({ length: 50 }, (_, i) => queue(i + 1, 20, 3, 400));
    for (let i = 0; i < 8640; i += 1) h.record(T0 + i * 10_000, queues);
    expect(h.bytes()).toBeLessThan(8640 * 50 * 14);
    expect(
      h.query({ from: T0, to: T0 + 86_400_000, skillIds: [1] }).queues[0]!.points,
    ).toHaveLength(8640);
  });
});
