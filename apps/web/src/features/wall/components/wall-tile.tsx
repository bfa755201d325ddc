import type { Queue, Thresholds } from '@floorwatch/contracts/api';
import { memo, type CSSProperties } from 'react';
import { StateBar } from '@/components/state-bar';
import { StateIcon } from '@/components/state-icon';
import { useServerNow } from '@/hooks/use-server-now';
import { formatSeconds } from '@/lib/format';
import { AGENT_STATE_LABELS, STATE_ORDER, stateColor } from '@/lib/states';
import { useLiveStore } from '@/stores/live-store';
import { fitFont } from '../lib/fit-text';
import { pastLimits } from '../lib/queue-limits';
import { tileUnit, tu } from '../lib/units';
import type { TileDesign } from '../lib/wall-fit';
import { CRIT_FILL, LimitLines } from './limit-lines';

/** A big figure with its label; the value shrinks to stay inside half a tile. */
function Figure({ label, value, big }: { label: string; value: string; big: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="truncate leading-tight text-muted" style={{ fontSize: tu(big ? 1.8 : 1.7) }}>
        {label}
      </dt>
      <dd
        className="leading-none font-bold whitespace-nowrap tabular"
        style={{ fontSize: fitFont(value, tu(big ? 4.6 : 3.8), 40) }}
      >
        {value}
      </dd>
    </div>
  );
}

/** One queue on the wall's tile pages. Type scales with the tile (container query units). */
export const WallTile = memo(function WallTile({
  queue,
  thresholds,
  design,
}: {
  queue: Queue;
  thresholds: Thresholds;
  design: TileDesign;
}) {
  const serverNow = useServerNow();
  const agents = useLiveStore((s) => s.agents);
  const limits = pastLimits(queue.agents, agents, serverNow, thresholds);
  const critical = limits.crit > 0;
  const states = STATE_ORDER.filter(
    (s) => (queue.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking',
  );
  const name = queue.name;
  return (
    <article
      aria-label={name}
      data-critical={critical || undefined}
      className="min-h-0 min-w-0 overflow-hidden rounded-[1.2vmin] bg-surface [container-type:size]"
      style={critical ? { boxShadow: `inset 0 0 0 0.5vmin ${CRIT_FILL.background}` } : undefined}
    >
      <div
        className="flex h-full flex-col"
        style={
          {
            '--s': tileUnit(design.w, design.h),
            padding: tu(1.2),
            gap: tu(0.7),
          } as CSSProperties
        }
      >
        <h2
          className="truncate leading-tight font-bold"
          // Long names shrink a little before they are cut.
          style={{
            fontSize: `min(${tu(2.4)}, max(${tu(1.9)}, ${(88 / (name.length * 0.64)).toFixed(2)}cqw))`,
          }}
        >
          {name}
        </h2>
        <dl className="grid grid-cols-2" style={{ gap: tu(1) }}>
          <Figure
            label="Waiting"
            value={queue.waiting === null ? '—' : queue.waiting.toLocaleString('en-GB')}
            big={design.kind === 'full'}
          />
          <Figure
            label="Longest wait"
            value={formatSeconds(queue.longestWaitSec)}
            big={design.kind === 'full'}
          />
        </dl>
        <StateBar counts={queue.counts} className="h-[calc(var(--s)*0.8)] shrink-0" />
        {design.kind === 'full' && (
          <ul
            aria-label="Agents by state"
            className="grid grid-cols-2"
            style={{ fontSize: tu(1.8), columnGap: tu(1.2), rowGap: tu(0.2) }}
          >
            {states.map((s) => (
              <li key={s} className="flex min-w-0 items-center justify-between gap-[0.4em]">
                <span className="inline-flex min-w-0 items-center gap-[0.4em]">
                  <span style={{ color: stateColor(s) }}>
                    <StateIcon state={s} className="h-[1em] w-[1em]" />
                  </span>
                  <span className="truncate">{AGENT_STATE_LABELS[s]}</span>
                </span>
                <strong className="tabular">
                  {(queue.counts[s] ?? 0).toLocaleString('en-GB')}
                </strong>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-auto min-w-0">
          {queue.agents.length === 0 ? (
            <p className="text-muted" style={{ fontSize: tu(1.8) }}>
              Nobody signed in
            </p>
          ) : (
            <LimitLines limits={limits} fontSize={tu(1.8)} short={design.kind === 'compact'} />
          )}
        </div>
      </div>
    </article>
  );
});
