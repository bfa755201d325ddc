// The SQLite history store in a real file: what start-up reads back from a large floor.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStores } from '../../src/store/sqlite/index';
import type { HistoryRow } from '../../src/store/types';

const T0 = 1_800_000_000_000;

it('reads back a large floor in one answer: 500 queues × 400 steps, in order per queue', async () => {
  const stores = openSqliteStores(mkdtempSync(path.join(tmpdir(), 'fw-hist-big-')));
  try {
    for (let step = 0; step < 400; step += 100) {
      const rows: HistoryRow[] = [];
      for (let s = step; s < step + 100; s++)
        for (let q = 1; q <= 500; q++)
          rows.push({
            skillId: q,
            point: {
              t: T0 + s * 10_000,
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
    const all = await stores.history.read({ from: T0, to: T0 + 400 * 10_000 });
    expect(all).toHaveLength(500);
    expect(all.map((q) => q.skillId)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(all.every((q) => q.points.length === 400)).toBe(true);
    expect(all[499]!.points.map((p) => p.waiting)).toEqual(
      Array.from({ length: 400 }, (_, i) => i),
    );
    const few = await stores.history.read({ from: T0 + 10_000, to: T0 + 20_000, skillIds: [7, 3] });
    expect(few.map((q) => [q.skillId, q.points.map((p) => p.t - T0)])).toEqual([
      [3, [10_000, 20_000]],
      [7, [10_000, 20_000]],
    ]);
  } finally {
    await stores.close();
  }
}, 60_000);
