import type { Queue } from '@floorwatch/contracts/api';
import { memo, type CSSProperties } from 'react';
import { QueueKpis } from '@/components/queue-kpis';
import { usePulseOnce } from '@/hooks/use-critical-alerts';
import { useFloor } from '@/hooks/use-floor';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { judgeKpis, pastLimitsOf } from '@/lib/limits';
import { tileUnit, tu } from '@/lib/wall-units';
import { useQueueMembers } from '@/stores/live-store';
import { useI18n } from '@/stores/locale-store';
import type { TileDesign } from '../lib/wall-fit';
import { CRIT_FILL, LimitLines } from './limit-lines';
import { WALL_TILE_LOOK } from '../lib/kpi-looks';

const M = defineMessages({
  nobody: { id: 'wall.tile.nobody', defaultMessage: 'Nobody signed in' },
});

/**
 * One queue on the wall's tile pages. Type scales with the tile (container query units). Past a
 * critical limit (an agent's time or a queue KPI) the tile turns red; when that breach began
 * (`breach`: its identity) it pulses once, then holds.
 */
export const WallTile = memo(function WallTile({
  queue,
  design,
  breach,
}: {
  queue: Queue;
  design: TileDesign;
  breach: string | null;
}) {
  const serverNow = useServerNow();
  // Selected by revision: a new array only when one of this queue's agents changed.
  const members = useQueueMembers(queue.skillId);
  const { policy } = useFloor();
  const intl = useI18n();
  const limits = pastLimitsOf(members, serverNow, policy, queue.skillId);
  const critical = limits.crit > 0 || judgeKpis(queue, policy).level === 'crit';
  const pulse = usePulseOnce(critical ? breach : null);
  const name = queue.name;
  return (
    <article
      aria-label={name}
      data-critical={critical || undefined}
      className={`min-h-0 min-w-0 overflow-hidden rounded-[1.2vmin] [container-type:size] ${
        critical ? 'bg-crit-bg' : 'bg-surface'
      } ${pulse ? 'alert-pulse' : ''}`}
      style={critical ? { boxShadow: `inset 0 0 0 0.6vmin ${CRIT_FILL.background}` } : undefined}
    >
      <div
        className="flex h-full flex-col"
        style={
          {
            '--s': tileUnit(design.w, design.h),
            padding: tu(1.2),
            gap: tu(0.5),
          } as CSSProperties
        }
      >
        <h2
          className="shrink-0 truncate leading-tight font-bold"
          // Long names shrink a little before they are cut.
          style={{
            fontSize: `min(${tu(2.4)}, max(${tu(1.9)}, ${(88 / (name.length * 0.64)).toFixed(2)}cqw))`,
          }}
        >
          {name}
        </h2>
        <QueueKpis queue={queue} look={WALL_TILE_LOOK} showStates={design.kind === 'full'} />
        <div className="mt-auto min-w-0 shrink-0">
          {queue.agents.length === 0 ? (
            <p className="text-muted" style={{ fontSize: tu(1.8) }}>
              {intl.formatMessage(M.nobody)}
            </p>
          ) : (
            <LimitLines limits={limits} fontSize={tu(1.8)} short={design.kind === 'compact'} />
          )}
        </div>
      </div>
    </article>
  );
});
