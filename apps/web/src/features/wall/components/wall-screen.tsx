import type { CSSProperties } from 'react';
import { useCallback, useMemo } from 'react';
import { useSettings } from '@/api/get-settings';
import { useFloor } from '@/hooks/use-floor';
import { useExistingQueueIds, useLiveLoaded, useQueuesById } from '@/hooks/use-live';
import { useIdleCursor } from '@/hooks/use-idle-cursor';
import { useReducedMotion } from '@/hooks/use-reduced-motion';
import { defineMessages } from '@/i18n/messages';
import { breachId, queueKey } from '@/lib/alerts';
import { judgeKpis, pastLimitsOf } from '@/lib/limits';
import { WALL_UNIT, wu } from '@/lib/wall-units';
import { queueMembers } from '@/stores/live-model';
import { useLiveStore } from '@/stores/live-store';
import { useI18n } from '@/stores/locale-store';
import { useTileGrid } from '../hooks/use-tile-grid';
import { useWallAlerts } from '../hooks/use-wall-alerts';
import { useWallPages } from '../hooks/use-wall-pages';
import { TILE_GAP } from '../lib/wall-fit';
import { withWallLink, type WallParams } from '../lib/wall-params';
import { QueueFocus } from './queue-focus';
import { WallFloor } from './wall-floor';
import { useWallStatus, WallBanner, WallHeader } from './wall-header';
import { WallTile } from './wall-tile';

const M = defineMessages({
  page: { id: 'wall.position.page', defaultMessage: 'Page {page} of {pages}' },
  queue: { id: 'wall.position.queue', defaultMessage: 'Queue {page} of {pages}' },
  sound: {
    id: 'wall.sound-blocked',
    defaultMessage: 'Sound is on: click or press a key once to let the browser play it',
  },
  waiting: { id: 'wall.waiting-data', defaultMessage: 'Waiting for live data…' },
  none: {
    id: 'wall.no-queue',
    defaultMessage: "No queue to show. Check the queues in this display's link.",
  },
});

/**
 * An unattended floor display: large type, no pointer needed. Every queue as a tile, as many per
 * page as stay legible, pages turning by themselves; or one queue at a time with its agents.
 */
export function WallScreen({ params: urlParams }: { params: WallParams }) {
  const settings = useSettings();
  const intl = useI18n();
  const params = useMemo(
    () => withWallLink(urlParams, settings.data?.wall),
    [urlParams, settings.data?.wall],
  );
  const { policy, ready: settled } = useFloor();
  const status = useWallStatus();
  const reduced = useReducedMotion();
  const hideCursor = useIdleCursor();
  const loaded = useLiveLoaded();
  // The queues on this wall, in the link's order (or by skill id), whichever exist right now.
  const order = useExistingQueueIds(params.queues);
  const tiles = params.view === 'tiles';
  const [gridRef, grid] = useTileGrid(tiles ? order.length : 0);

  const { breaches, soundBlocked } = useWallAlerts(order, params.sound);
  // Asked only when a page is picked: a queue past a critical limit goes to the front.
  const isCritical = useCallback(
    (id: number) => {
      const s = useLiveStore.getState();
      const q = s.queues.get(id);
      if (!q) return false;
      const now = Date.now() + (s.clockOffsetMs ?? 0);
      return (
        judgeKpis(q, policy).level === 'crit' ||
        pastLimitsOf(queueMembers(s, id), now, policy, id).crit > 0
      );
    },
    [policy],
  );
  const pages = useWallPages({
    order,
    perPage: tiles ? (grid?.perPage ?? 1) : 1,
    rotateSec: params.rotateSec,
    isCritical,
    ready: loaded && settled && order.length > 0 && (!tiles || grid !== null),
  });
  const onPage = useQueuesById(pages.ids);
  const position =
    pages.pages > 1
      ? intl.formatMessage(tiles ? M.page : M.queue, { page: pages.page, pages: pages.pages })
      : null;
  const gridStyle = useMemo(
    () =>
      grid
        ? ({
            gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
            gap: wu(TILE_GAP),
          } satisfies CSSProperties)
        : undefined,
    [grid],
  );

  return (
    <div
      className={`flex h-full flex-col overflow-hidden bg-bg text-fg ${status.dim ? 'is-stale' : ''} ${hideCursor ? 'cursor-none' : ''}`}
      style={{ ['--wall-u' as string]: WALL_UNIT }}
    >
      <WallHeader
        status={status}
        position={position}
        note={soundBlocked ? intl.formatMessage(M.sound) : null}
      />
      <WallBanner status={status} />
      <main
        className="live-data flex min-h-0 flex-1 flex-col"
        style={{ padding: wu(1.5), gap: wu(1.2) }}
        data-stale={status.dim}
      >
        {!loaded ? (
          <p className="m-auto text-muted" style={{ fontSize: wu(3.5) }} role="status">
            {intl.formatMessage(M.waiting)}
          </p>
        ) : order.length === 0 ? (
          <p className="m-auto max-w-[40ch] text-center text-muted" style={{ fontSize: wu(3.5) }}>
            {intl.formatMessage(M.none)}
          </p>
        ) : tiles ? (
          <>
            <WallFloor skillIds={order} />
            <div ref={gridRef} className="relative min-h-0 flex-1">
              <div
                data-wall-unit-probe
                aria-hidden="true"
                className="pointer-events-none invisible absolute top-0 left-0 h-0"
                style={{ width: wu(100) }}
              />
              {grid && (
                <div
                  key={pages.turn}
                  className={`grid h-full ${reduced ? '' : 'fade-in'}`}
                  style={gridStyle}
                >
                  {onPage.map((q) => (
                    <WallTile
                      key={q.skillId}
                      queue={q}
                      design={grid.design}
                      breach={breachId(queueKey(q.skillId), breaches)}
                    />
                  ))}
                </div>
              )}
            </div>
          </>
        ) : onPage[0] ? (
          <div
            key={pages.turn}
            className={`flex min-h-0 flex-1 flex-col ${reduced ? '' : 'fade-in'}`}
          >
            <QueueFocus queue={onPage[0]} breaches={breaches} />
          </div>
        ) : null}
      </main>
    </div>
  );
}
