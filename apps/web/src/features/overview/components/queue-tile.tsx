import type { Queue } from '@floorwatch/contracts/api';
import { skillMediaLabel } from '@floorwatch/contracts/gateway';
import { memo, useId } from 'react';
import { Link } from 'react-router';
import { LimitCounts } from '@/components/limit-level';
import { QueueKpis } from '@/components/queue-kpis';
import { TILE_LOOK } from '@/components/queue-kpi-looks';
import { useFloor } from '@/hooks/use-floor';
import { useClockOffset } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { pastLimitsOf } from '@/lib/limits';
import { stateLabel } from '@/lib/states';
import { LIMIT_PHRASE } from '@/lib/thresholds';
import { useQueueMembers } from '@/stores/live-store';
import { useQueueHistory } from '../api/get-history';
import { Sparkline } from './sparkline';

/** How many of the queue's agents are past their limits right now (ticks with the clock). */
function LimitSummary({ queue }: { queue: Queue }) {
  const serverNow = useServerNow();
  const members = useQueueMembers(queue.skillId);
  const { policy } = useFloor();
  if (members.length === 0) return <p className="text-xs text-muted">Nobody signed in</p>;
  const { warn, crit } = pastLimitsOf(members, serverNow, policy, queue.skillId);
  if (warn + crit === 0) return <p className="text-xs text-muted">All agents {LIMIT_PHRASE.ok}</p>;
  const total = members.length;
  return (
    <div className="flex flex-col gap-1">
      <LimitCounts crit={crit} warn={warn} className="text-sm" />
      <div
        className="flex h-1.5 w-full overflow-hidden rounded-full bg-surface-2"
        role="meter"
        aria-label="Share of agents past warning or critical limit"
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
  /** On or near the screen: draw the figures, the limit count and the trend. */
  near: boolean;
}

/** Everything below the header: drawn only while the tile is near the viewport. */
function TileBody({ queue }: { queue: Queue }) {
  const history = useQueueHistory(queue.skillId);
  const offset = useClockOffset(1000);
  const points = history.data;
  return (
    <>
      <QueueKpis queue={queue} look={TILE_LOOK} />

      <LimitSummary queue={queue} />

      {/* The trend takes the rest of the tile's fixed height. */}
      <div className="flex min-h-0 flex-1 flex-col">
        <p className="mb-1 flex items-center justify-between text-xs text-muted">
          <span>Last 60 min</span>
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
              Idle
            </span>
            {queue.waiting !== null && (
              <span className="inline-flex items-center gap-1">
                <span
                  className="h-0.5 w-3 border-t-2 border-dotted"
                  style={{ borderColor: 'var(--fw-crit)' }}
                />{' '}
                Waiting
              </span>
            )}
          </span>
        </p>
        <div className="min-h-14 flex-1" aria-hidden="true">
          {history.isError ? (
            <p className="text-xs text-muted">Trend unavailable</p>
          ) : points && points.length > 1 ? (
            <Sparkline points={points} offset={offset} showWaiting={queue.waiting !== null} />
          ) : (
            <div className="flex h-full items-center justify-center rounded bg-surface-2/60 text-xs text-muted">
              {history.isPending ? '' : 'Collecting history…'}
            </div>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * A queue's tile. Its name (a link over the whole tile) is always there, so every queue can be
 * found and reached by keyboard; the figures, the clock-driven limit count and the trend are
 * drawn only when `near` the screen. Every tile has the same fixed height (the tallest body fits)
 * and is contained, so drawing one never moves or re-lays out the others.
 */
export const QueueTile = memo(function QueueTile({ queue, to, near }: QueueTileProps) {
  const titleId = useId();
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
          <p className="text-xs text-muted">
            Skill {queue.skillId} · {skillMediaLabel(queue.mediaType)}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-3xl leading-none font-semibold tabular">{queue.agents.length}</p>
          <p className="text-xs text-muted">agents</p>
        </div>
      </header>
      {near && <TileBody queue={queue} />}
    </article>
  );
});
