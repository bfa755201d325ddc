// The queue's intraday chart (recharts, in its own lazily loaded chunk): agents by state stacked,
// and calls waiting with the service level, on one time axis with values on hover.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useClockOffset } from '@/hooks/use-live';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { formatClock } from '@/lib/format';
import { stateColor, stateLabel } from '@/lib/states';
import { parseEnum, setParam } from '@/lib/url-state';
import { useI18n } from '@/stores/locale-store';
import { useQueueTrend } from '../api/get-queue-trend';
import { statesIn, thinPoints, TREND_RANGES, type TrendRange } from '../lib/trend-data';

const RANGE = defineMessages<TrendRange>({
  '1h': { id: 'trend.range.1h', defaultMessage: '1 h' },
  '4h': { id: 'trend.range.4h', defaultMessage: '4 h' },
  today: { id: 'trend.range.today', defaultMessage: 'Today' },
});

const M = defineMessages({
  range: { id: 'trend.range', defaultMessage: 'Time range' },
  failed: {
    id: 'trend.failed',
    defaultMessage: 'The trend could not be loaded; it is tried again every 30 seconds.',
  },
  span: { id: 'trend.span', defaultMessage: 'Data from {from} to {to}' },
  collecting: {
    id: 'trend.collecting',
    defaultMessage: 'Collecting history… the trend appears after a few steps.',
  },
  agents: { id: 'trend.agents', defaultMessage: 'Agents by state' },
  calls: { id: 'trend.calls', defaultMessage: 'Calls waiting and service level' },
  waiting: { id: 'trend.waiting', defaultMessage: 'Calls waiting' },
  serviceLevel: { id: 'trend.service-level', defaultMessage: 'Service level (%)' },
});

const RANGE_PARAM = 'range';
const SYNC_ID = 'queue-trend';

const axisTick = { fill: 'var(--fw-muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--fw-surface)',
  border: '1px solid var(--fw-line)',
  borderRadius: 8,
  color: 'var(--fw-fg)',
  fontSize: 13,
};

export function TrendPanel({ skillId, mediaType }: { skillId: number; mediaType: number }) {
  const intl = useI18n();
  const [params, setParams] = useSearchParams();
  const range = parseEnum<TrendRange>(params.get(RANGE_PARAM), TREND_RANGES, '1h');
  const trend = useQueueTrend(skillId, range);
  const offset = useClockOffset(1000);
  const rows = useMemo(() => thinPoints(trend.data?.points ?? []), [trend.data]);
  const states = useMemo(() => statesIn(rows), [rows]);
  const hhmm = (t: number) => formatClock(t - offset).slice(0, 5);
  const at = (t: unknown) => (typeof t === 'number' ? formatClock(t - offset) : '');
  const domain: [number, number] | undefined = trend.data
    ? [trend.data.from, trend.data.to]
    : undefined;
  const setRange = (r: TrendRange) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        setParam(next, RANGE_PARAM, r === '1h' ? null : r);
        return next;
      },
      { replace: true },
    );
  const first = rows[0];
  const last = rows[rows.length - 1];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div
          role="group"
          aria-label={intl.formatMessage(M.range)}
          className="inline-flex rounded-lg border border-line p-0.5"
        >
          {TREND_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              className={`rounded-md px-3 py-1 text-sm ${r === range ? 'bg-accent text-accent-fg' : 'hover:bg-surface-2'}`}
              onClick={() => setRange(r)}
            >
              {intl.formatMessage(RANGE[r])}
            </button>
          ))}
        </div>
        <p className="text-sm text-muted tabular" aria-live="polite">
          {trend.isError
            ? intl.formatMessage(M.failed)
            : first && last && rows.length > 1
              ? intl.formatMessage(M.span, { from: at(first.t), to: at(last.t) })
              : trend.isPending
                ? intl.formatMessage(COMMON.loading)
                : intl.formatMessage(M.collecting)}
        </p>
      </div>
      {rows.length > 1 && (
        <div className="grid gap-4 lg:grid-cols-2">
          <figure className="min-w-0">
            <figcaption className="mb-1 text-sm font-semibold">
              {intl.formatMessage(M.agents)}
            </figcaption>
            <div className="h-56">
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart
                  data={rows}
                  syncId={SYNC_ID}
                  margin={{ top: 4, right: 8, left: -16, bottom: 0 }}
                >
                  <CartesianGrid stroke="var(--fw-line)" strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="t"
                    type="number"
                    scale="time"
                    domain={domain ?? ['dataMin', 'dataMax']}
                    tickFormatter={hhmm}
                    tick={axisTick}
                    stroke="var(--fw-line)"
                    minTickGap={24}
                  />
                  <YAxis allowDecimals={false} tick={axisTick} stroke="var(--fw-line)" width={48} />
                  <Tooltip contentStyle={tooltipStyle} labelFormatter={at} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  {states.map((s) => (
                    <Area
                      key={s}
                      dataKey={s}
                      name={stateLabel(s, mediaType)}
                      stackId="agents"
                      type="stepAfter"
                      stroke={stateColor(s)}
                      fill={stateColor(s)}
                      fillOpacity={0.55}
                      isAnimationActive={false}
                      connectNulls
                    />
                  ))}
                </AreaChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <figure className="min-w-0">
            <figcaption className="mb-1 text-sm font-semibold">
              {intl.formatMessage(M.calls)}
            </figcaption>
            <div className="h-56">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart
                  data={rows}
                  syncId={SYNC_ID}
                  margin={{ top: 4, right: 0, left: -16, bottom: 0 }}
                >
                  <CartesianGrid stroke="var(--fw-line)" strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="t"
                    type="number"
                    scale="time"
                    domain={domain ?? ['dataMin', 'dataMax']}
                    tickFormatter={hhmm}
                    tick={axisTick}
                    stroke="var(--fw-line)"
                    minTickGap={24}
                  />
                  <YAxis
                    yAxisId="calls"
                    allowDecimals={false}
                    tick={axisTick}
                    stroke="var(--fw-line)"
                    width={48}
                  />
                  <YAxis
                    yAxisId="pct"
                    orientation="right"
                    domain={[0, 100]}
                    unit="%"
                    tick={axisTick}
                    stroke="var(--fw-line)"
                    width={44}
                  />
                  <Tooltip contentStyle={tooltipStyle} labelFormatter={at} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Line
                    yAxisId="calls"
                    dataKey="waiting"
                    name={intl.formatMessage(M.waiting)}
                    type="stepAfter"
                    stroke="var(--fw-crit)"
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />
                  <Line
                    yAxisId="pct"
                    dataKey="serviceLevel"
                    name={intl.formatMessage(M.serviceLevel)}
                    type="monotone"
                    stroke="var(--fw-accent)"
                    strokeWidth={2}
                    strokeDasharray="6 3"
                    dot={false}
                    isAnimationActive={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          </figure>
        </div>
      )}
    </div>
  );
}
