import type { Queue } from '@floorwatch/contracts/api';
import { memo, useId } from 'react';
import { Link } from 'react-router';
import { LimitCounts } from '@/components/limit-level';
import { QueueKpis } from '@/components/queue-kpis';
import { TILE_LOOK } from '@/components/queue-kpi-looks';
import { useFloor } from '@/hooks/use-floor';
import { useClockOffset } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { pastLimitsOf } from '@/lib/limits';
import { skillText, stateLabel } from '@/lib/states';
import { limitPhrase } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { useQueueMembers } from '@/stores/live-store';
import { useQueueHistory } from '../api/get-history';
import { Sparkline } from './sparkline';

const M = defineMessages({
  nobody: { id: 'tile.nobody', defaultMessage: 'Nobody signed in' },
  allOk: { id: 'tile.all-ok', defaultMessage: 'All agents {phrase}' },
  share: { id: 'tile.share', defaultMessage: 'Share of agents past warning or critical limit' },
  lastHour: { id: 'tile.last-60', defaultMessage: 'Last 60 min' },
  waiting: { id: 'tile.legend.waiting', defaultMessage: 'Waiting' },
  noTrend: { id: 'tile.trend.unavailable', defaultMessage: 'Trend unavailable' },
  collecting: { id: 'tile.trend.collecting', defaultMessage: 'Collecting history…' },
  agents: {
    id: 'tile.agents',
    defaultMessage: '{count, plural, one {agent} other {agents}}',
  },
});

/** How many of the queue's agents are past their limits right now (ticks with the clock). */
function LimitSummary({ queue }: { queue: Queue }) {
  const serverNow = useServerNow();
  const members = useQueueMembers(queue.skillId);
  const { policy } = useFloor();
  const intl = useI18n();
  if (members.length === 0)
    return <p className="text-xs text-muted">{intl.formatMessage(M.nobody)}</p>;
  const { warn, crit } = pastLimitsOf(members, serverNow, policy, queue.skillId);
  if (warn + crit === 0)
    return (
      <p className="text-xs text-muted">
        {intl.formatMessage(M.allOk, { phrase: limitPhrase('ok') })}
      </p>
    );
  const total = members.length;
  return (
    <div className="flex flex-col gap-1">
      <LimitCounts crit={crit} warn={warn} className="text-sm" />
      <div
        className="flex h-1.5 w-full overflow-hidden rounded-full bg-surface-2"
        role="meter"
        aria-label={intl.formatMessage(M.share)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(((warn + crit) / total) * 100)}
      >
        <span style={{ width: `${(crit / total) * 100}%`, background: 'var(--fw-crit)' }} />
        <span style={{ width: `${(warn / total) * 100}%`, background: 'var(--fw-warn)' }} />
      </div>
    </div>
  );
}

interface QueueTileProps {
  queue: Queue;
  to: string;
}

/** Everything below the header. */
function TileBody({ queue }: { queue: Queue }) {
  const history = useQueueHistory(queue.skillId);
  const offset = useClockOffset(1000);
  const points = history.data;
  const intl = useI18n();
  return (
    <>
      <QueueKpis queue={queue} look={TILE_LOOK} />

      <LimitSummary queue={queue} />

      {/* The trend takes the rest of the tile's fixed height. */}
      <div className="flex min-h-0 flex-1 flex-col">
        <p className="mb-1 flex items-center justify-between text-xs text-muted">
          <span>{intl.formatMessage(M.lastHour)}</span>
          <span className="flex items-center gap-2" aria-hidden="true">
            <span className="inline-flex items-center gap-1">
              <span className="h-0.5 w-3" style={{ background: 'var(--fw-st-talking)' }} />{' '}
              {stateLabel('talking', queue.mediaType)}
            </span>
            <span className="inline-flex items-center gap-1">
              <span
                className="h-0.5 w-3 border-t-2 border-dashed"
                style={{ borderColor: 'var(--fw-st-idle)' }}
              />{' '}
              {stateLabel('idle')}
            </span>
            {queue.waiting !== null && (
              <span className="inline-flex items-center gap-1">
                <span
                  className="h-0.5 w-3 border-t-2 border-dotted"
                  style={{ borderColor: 'var(--fw-crit)' }}
                />{' '}
                {intl.formatMessage(M.waiting)}
              </span>
            )}
          </span>
        </p>
        <div className="min-h-14 flex-1" aria-hidden="true">
          {history.isError ? (
            <p className="text-xs text-muted">{intl.formatMessage(M.noTrend)}</p>
          ) : points && points.length > 1 ? (
            <Sparkline points={points} offset={offset} showWaiting={queue.waiting !== null} />
          ) : (
            <div className="flex h-full items-center justify-center rounded bg-surface-2/60 text-xs text-muted">
              {history.isPending ? '' : intl.formatMessage(M.collecting)}
            </div>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * A queue's tile: its name (a link over the whole tile), figures, the clock-driven limit count and
 * the trend. Every tile has the same fixed height (the tallest body fits), which the grid's
 * windowing counts on, and is contained, so drawing one never moves or re-lays out the others.
 */
export const QueueTile = memo(function QueueTile({ queue, to }: QueueTileProps) {
  const titleId = useId();
  const intl = useI18n();
  return (
    <article
      aria-labelledby={titleId}
      className="card group relative flex h-[27rem] flex-col gap-3 overflow-hidden p-4 [contain:strict] focus-within:ring-2 focus-within:ring-accent hover:border-accent"
    >
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="truncate text-lg leading-tight font-semibold">
            {/* The whole tile is clickable through this link's ::after; the name is its text. */}
            <Link
              to={to}
              className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
            >
              {queue.name}
            </Link>
          </h2>
          <p className="text-xs text-muted">{skillText(queue.skillId, queue.mediaType)}</p>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-3xl leading-none font-semibold tabular">
            {intl.formatNumber(queue.agents.length)}
          </p>
          <p className="text-xs text-muted">
            {intl.formatMessage(M.agents, { count: queue.agents.length })}
          </p>
        </div>
      </header>
      <TileBody queue={queue} />
    </article>
  );
});
