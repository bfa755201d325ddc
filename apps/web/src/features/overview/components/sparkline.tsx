// The tile's 60-minute trend as plain SVG paths: nothing in it can take focus (a charting
// library's focusable surface added tab stops to every tile, thousands on a large centre), it
// costs a few microseconds to draw, and it needs no lazy chunk.
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { memo } from 'react';
import { defineMessages } from '@/i18n/messages';
import { formatClock } from '@/lib/format';
import { activeIntl } from '@/stores/locale-store';

const M = defineMessages({
  since: { id: 'tile.trend.since', defaultMessage: 'History since {time}' },
});

const TREND_WINDOW_MS = 60 * 60_000;
const W = 300;
const H = 56;
const PAD = 2;

export interface Series {
  values: readonly (number | null)[];
  color: string;
  dash?: string;
  step?: boolean;
}

/** An SVG path through the points; a null breaks the line. `x` and `y` map to the box. */
export function pathOf(
  ts: readonly number[],
  values: readonly (number | null)[],
  x: (t: number) => number,
  y: (v: number) => number,
  step = false,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < ts.length; i += 1) {
    const v = values[i];
    if (v === null || v === undefined) {
      pen = false;
      continue;
    }
    const px = x(ts[i]!).toFixed(1);
    const py = y(v).toFixed(1);
    if (!pen) d += `M${px} ${py}`;
    else d += step ? `H${px}V${py}` : `L${px} ${py}`;
    pen = true;
  }
  return d;
}

interface SparklineProps {
  points: readonly HistoryPoint[];
  /** Server → client clock shift, ms, for the "History since" time. */
  offset: number;
  showWaiting: boolean;
}

/**
 * Talking (solid), idle (dashed) and calls waiting (dotted, stepped) on a fixed 60-minute axis
 * ending at the newest point: a young history is drawn at its true place and says since when.
 */
export const Sparkline = memo(function Sparkline({ points, offset, showWaiting }: SparklineProps) {
  const ts = points.map((p) => p.t);
  const end = ts.at(-1) ?? 0;
  const start = end - TREND_WINDOW_MS;
  const talking = points.map((p) => p.counts.talking ?? 0);
  const idle = points.map((p) => p.counts.idle ?? 0);
  const waiting = points.map((p) => p.waiting);
  let max = 1;
  for (const v of [...talking, ...idle, ...(showWaiting ? waiting : [])])
    if (v !== null && v > max) max = v;
  const x = (t: number) => PAD + ((t - start) / TREND_WINDOW_MS) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const series: Series[] = [
    { values: talking, color: 'var(--fw-st-talking)' },
    { values: idle, color: 'var(--fw-st-idle)', dash: '5 3' },
    ...(showWaiting
      ? [{ values: waiting, color: 'var(--fw-crit)', dash: '2 2', step: true } satisfies Series]
      : []),
  ];
  const first = ts[0] ?? end;
  const young = end - first < TREND_WINDOW_MS - 60_000;
  return (
    <div className="relative h-full">
      {young && (
        <span className="absolute top-0 left-0 text-[11px] text-muted">
          {activeIntl().formatMessage(M.since, { time: formatClock(first - offset).slice(0, 5) })}
        </span>
      )}
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-full w-full overflow-visible"
        aria-hidden="true"
        focusable="false"
      >
        {series.map((s, i) => (
          <path
            key={i}
            d={pathOf(ts, s.values, x, y, s.step)}
            fill="none"
            stroke={s.color}
            strokeWidth={s.step ? 1.5 : 2}
            strokeDasharray={s.dash}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
    </div>
  );
});
