// Loaded lazily (recharts is the heaviest dependency; the first screen does not wait for it).
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock } from '@/lib/format';
import { useLiveStore } from '@/stores/live-store';

const TREND_WINDOW_MS = 60 * 60_000;

interface TrendChartProps {
  points: readonly HistoryPoint[];
}

export default function TrendChart({ points }: TrendChartProps) {
  // Server → client clock shift for the tooltip times; whole seconds so it does not churn.
  const offset = useLiveStore((s) => Math.round((s.clockOffsetMs ?? 0) / 1000) * 1000);
  const data = points.map((p) => ({
    t: p.t - offset,
    idle: p.counts.idle ?? 0,
    talking: p.counts.talking ?? 0,
    waiting: p.waiting,
  }));
  const hasWaiting = data.some((d) => d.waiting !== null);
  // Always a 60-minute axis ending at the newest point: after a restart the BFF has only a few
  // minutes of history, and stretching them across the tile would pass them off as an hour.
  const end = data.at(-1)?.t ?? 0;
  const domain: [number, number] = [end - TREND_WINDOW_MS, end];
  const first = data[0]?.t ?? end;
  const young = end - first < TREND_WINDOW_MS - 60_000;
  return (
    <div className="relative h-full">
      {young && (
        // A young history is drawn at its true place on the hour's axis; say why it is short.
        <span className="absolute top-0 left-0 text-[11px] text-muted">
          History since {formatClock(first).slice(0, 5)}
        </span>
      )}
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <XAxis dataKey="t" type="number" domain={domain} allowDataOverflow hide />
          <YAxis hide allowDecimals={false} domain={[0, 'auto']} />
          <Tooltip
            labelFormatter={(v) => (typeof v === 'number' ? formatClock(v) : '')}
            contentStyle={{
              background: 'var(--fw-surface)',
              border: '1px solid var(--fw-line)',
              borderRadius: 8,
              fontSize: 12,
              color: 'var(--fw-fg)',
            }}
          />
          <Line
            type="monotone"
            dataKey="talking"
            name="Talking"
            stroke="var(--fw-st-talking)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="idle"
            name="Idle"
            stroke="var(--fw-st-idle)"
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
          {hasWaiting && (
            <Line
              type="stepAfter"
              dataKey="waiting"
              name="Waiting"
              stroke="var(--fw-crit)"
              strokeWidth={1.5}
              strokeDasharray="2 2"
              dot={false}
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
