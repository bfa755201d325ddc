import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ChartIcon, ChevronLeftIcon } from '@/components/icons-more';
import { useFloor } from '@/hooks/use-floor';
import { readLive, useLiveLoaded, useQueue, useQueueAgents } from '@/hooks/use-live';
import { useIsNarrow } from '@/hooks/use-media-query';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { downloadText } from '@/lib/csv';
import { useI18n } from '@/stores/locale-store';
import { useUrlParams } from '@/hooks/use-url-params';
import { useAgentParam } from '../hooks/use-agent-param';
import { useGridState } from '../hooks/use-grid-state';
import { buildAgentsCsv, csvFileName } from '../lib/csv-export';
import { nextSort } from '../lib/grid-url-state';
import { groupsOf, selectRows, withGroupHeadings, type GridItem } from '../lib/sort-filter';
import type { ColumnId } from '../lib/columns';
import { AgentCards } from './agent-cards';
import { AgentDetail } from './agent-detail';
import { AgentGrid } from './agent-grid';
import { GridToolbar } from './grid-toolbar';
import { QueueSummary } from './queue-summary';

// The chart library is loaded only when someone opens the trend.
const TrendPanel = lazy(async () => ({ default: (await import('./trend-panel')).TrendPanel }));

const M = defineMessages({
  allQueues: { id: 'queue.all-queues', defaultMessage: 'All queues' },
  missingTitle: { id: 'queue.missing.title', defaultMessage: 'Queue {skillId} is not available' },
  missingBody: {
    id: 'queue.missing.body',
    defaultMessage:
      'It does not exist, nobody is signed in to it right now, or your account may not see it. Pick a queue from the overview.',
  },
  loading: { id: 'queue.loading', defaultMessage: 'Loading queue {skillId}…' },
  nobody: { id: 'queue.empty', defaultMessage: 'Nobody is signed in to this queue.' },
  noMatch: { id: 'queue.no-match', defaultMessage: 'No agents match these filters.' },
  breadcrumb: { id: 'queue.breadcrumb', defaultMessage: 'Breadcrumb' },
  hideTrend: { id: 'queue.trend.hide', defaultMessage: 'Hide trend' },
  showTrend: { id: 'queue.trend.show', defaultMessage: 'Trend today' },
  trendRegion: { id: 'queue.trend.region', defaultMessage: 'Trend today' },
  trendLoading: { id: 'queue.trend.loading', defaultMessage: 'Loading the trend…' },
});

/** `?trend=1`: the intraday chart is open (kept in the URL, so saved views keep it). */
const TREND_PARAM = 'trend';

export function QueuePage({ skillId, actions }: { skillId: number; actions?: ReactNode }) {
  const intl = useI18n();
  const queue = useQueue(skillId);
  const loaded = useLiveLoaded();
  // Selected by revision: a new array only when one of this queue's agents changed.
  const agents = useQueueAgents(skillId);
  const [grid, update] = useGridState();
  const [agentParam, openAgent, closeAgent] = useAgentParam();
  const [params, editParams] = useUrlParams();
  const trendOpen = params.get(TREND_PARAM) === '1';
  const { policy, names } = useFloor();
  const narrow = useIsNarrow();
  // The clock only matters to the row set when filtering by minimum time in state.
  const tickNow = useServerNow(grid.minSec > 0);
  const rows = useMemo(
    () => selectRows(agents, grid, tickNow, names),
    [agents, grid, tickNow, names],
  );
  const items: GridItem[] = useMemo(
    () =>
      grid.by === 'group'
        ? withGroupHeadings(rows, names)
        : rows.map((agent) => ({ kind: 'agent', agent })),
    [rows, grid.by, names],
  );
  const groups = useMemo(() => groupsOf(agents, names), [agents, names]);

  const onSort = useCallback((col: ColumnId) => update(nextSort(grid, col)), [grid, update]);
  const toggleTrend = () =>
    editParams((prev) => {
      const next = new URLSearchParams(prev);
      if (trendOpen) next.delete(TREND_PARAM);
      else next.set(TREND_PARAM, '1');
      return next;
    });

  // Opening a queue puts focus on its heading (screen readers announce where they are), unless
  // it opened with an agent's detail, which takes focus itself.
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const hasQueue = queue !== undefined;
  useEffect(() => {
    if (!hasQueue || focused.current) return;
    focused.current = true;
    if (agentParam === null) heading.current?.focus();
  }, [hasQueue, agentParam]);

  const onExport = () => {
    if (!queue) return;
    const clientNow = Date.now();
    const { clockOffsetMs: offset, queues } = readLive();
    const queueNames = Object.fromEntries([...queues.values()].map((q) => [q.skillId, q.name]));
    const csv = buildAgentsCsv(rows, grid.cols, {
      skillId,
      queueName: queue.name,
      mediaType: queue.mediaType,
      serverNow: clientNow + offset,
      offset,
      queueNames,
      names,
    });
    downloadText(csvFileName(skillId, clientNow), csv);
  };

  if (!queue) {
    return (
      <div className="flex flex-col gap-4 p-4 sm:p-6">
        <Link to="/" className="inline-flex items-center gap-1 text-sm text-accent underline">
          <ChevronLeftIcon className="h-4 w-4" /> {intl.formatMessage(M.allQueues)}
        </Link>
        {loaded ? (
          <div role="alert" className="callout callout-warn max-w-xl">
            <h1 className="font-semibold">{intl.formatMessage(M.missingTitle, { skillId })}</h1>
            <p className="text-sm">{intl.formatMessage(M.missingBody)}</p>
          </div>
        ) : (
          <p className="text-muted" role="status">
            {intl.formatMessage(M.loading, { skillId })}
          </p>
        )}
      </div>
    );
  }

  const empty = agents.length === 0 ? intl.formatMessage(M.nobody) : intl.formatMessage(M.noMatch);

  return (
    // On a phone the page itself scrolls (cards); on a desk the grid scrolls inside the page.
    <div className="flex flex-col gap-3 p-3 sm:h-full sm:min-h-0 sm:p-4 lg:p-6">
      <nav aria-label={intl.formatMessage(M.breadcrumb)} className="text-sm">
        <Link
          to="/"
          className="inline-flex items-center gap-1 text-accent underline-offset-2 hover:underline"
        >
          <ChevronLeftIcon className="h-4 w-4" /> {intl.formatMessage(M.allQueues)}
        </Link>
      </nav>
      <QueueSummary
        queue={queue}
        headingRef={heading}
        actions={
          <>
            {actions}
            <button
              type="button"
              className="btn"
              aria-expanded={trendOpen}
              aria-controls="queue-trend"
              onClick={toggleTrend}
            >
              <ChartIcon className="h-4 w-4" />
              {intl.formatMessage(trendOpen ? M.hideTrend : M.showTrend)}
            </button>
          </>
        }
      />
      {trendOpen && (
        <section
          id="queue-trend"
          aria-label={intl.formatMessage(M.trendRegion)}
          className="card shrink-0 p-3 sm:p-4"
        >
          <Suspense
            fallback={
              <p role="status" className="flex h-64 items-center justify-center text-muted">
                {intl.formatMessage(M.trendLoading)}
              </p>
            }
          >
            <TrendPanel skillId={skillId} mediaType={queue.mediaType} />
          </Suspense>
        </section>
      )}
      <GridToolbar
        state={grid}
        update={update}
        shown={rows.length}
        total={agents.length}
        onExport={onExport}
        mediaType={queue.mediaType}
        groups={groups}
      />
      {narrow ? (
        <AgentCards
          items={items}
          skillId={skillId}
          mediaType={queue.mediaType}
          policy={policy}
          names={names}
          onOpen={openAgent}
          empty={empty}
        />
      ) : (
        <AgentGrid
          items={items}
          cols={grid.cols}
          sort={grid.sort}
          dir={grid.dir}
          onSort={onSort}
          skillId={skillId}
          mediaType={queue.mediaType}
          policy={policy}
          names={names}
          onOpen={openAgent}
          empty={empty}
        />
      )}
      <AgentDetail
        workno={agentParam}
        skillId={skillId}
        mediaType={queue.mediaType}
        policy={policy}
        names={names}
        onClose={closeAgent}
      />
    </div>
  );
}
