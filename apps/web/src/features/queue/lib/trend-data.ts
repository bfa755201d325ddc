// The queue page's intraday trend: which range to ask for, and the history points thinned to what
// a chart can draw (today at 10 s steps is thousands of points; a few hundred say the same).
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { startOfSiteDay } from '@/lib/format';
import { STATE_ORDER, type AgentState } from '@/lib/states';

export type TrendRange = '1h' | '4h' | 'today';
export const TREND_RANGES: readonly TrendRange[] = ['1h', '4h', 'today'];

const HOUR = 3_600_000;

/**
 * The range on the server clock: the last hour or four, or since midnight on the site's clock
 * (FLOORWATCH_TIME_ZONE; `offset` = server − display ms).
 */
export function rangeBounds(
  range: TrendRange,
  serverNow: number,
  offset: number,
): {
  from: number;
  to: number;
} {
  if (range === '1h') return { from: serverNow - HOUR, to: serverNow };
  if (range === '4h') return { from: serverNow - 4 * HOUR, to: serverNow };
  return { from: startOfSiteDay(serverNow - offset) + offset, to: serverNow };
}

export type TrendRow = { t: number; waiting: number | null; serviceLevel: number | null } & Partial<
  Record<AgentState, number>
>;

const avg = (sum: number, n: number) => Math.round((sum / n) * 10) / 10;

/**
 * At most `max` rows: consecutive points are merged into one per bucket — state counts and
 * service level averaged, calls waiting at their highest (a peak must not vanish).
 */
export function thinPoints(points: readonly HistoryPoint[], max = 360): TrendRow[] {
  const per = Math.max(1, Math.ceil(points.length / max));
  const rows: TrendRow[] = [];
  for (let i = 0; i < points.length; i += per) {
    const bucket = points.slice(i, i + per);
    const first = bucket[0];
    if (!first) continue;
    const row: TrendRow = { t: first.t, waiting: null, serviceLevel: null };
    for (const s of STATE_ORDER) {
      let sum = 0;
      for (const p of bucket) sum += p.counts[s] ?? 0;
      if (sum > 0) row[s] = avg(sum, bucket.length);
    }
    let sl = 0;
    let slN = 0;
    for (const p of bucket) {
      if (p.waiting !== null) row.waiting = Math.max(row.waiting ?? 0, p.waiting);
      if (p.serviceLevel !== null) {
        sl += p.serviceLevel;
        slN += 1;
      }
    }
    if (slN > 0) row.serviceLevel = avg(sl, slN);
    rows.push(row);
  }
  return rows;
}

/** The states anyone was in during the range, in reading order. */
export function statesIn(rows: readonly TrendRow[]): AgentState[] {
  return STATE_ORDER.filter((s) => rows.some((r) => (r[s] ?? 0) > 0));
}
