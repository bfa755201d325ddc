import type { Agent } from '@floorwatch/contracts/api';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ChevronLeftIcon } from '@/components/icons';
import { useIsNarrow } from '@/hooks/use-media-query';
import { useServerNow } from '@/hooks/use-server-now';
import { useThresholds } from '@/hooks/use-thresholds';
import { downloadText } from '@/lib/csv';
import { useLiveStore } from '@/stores/live-store';
import { useAgentParam } from '../hooks/use-agent-param';
import { useGridState } from '../hooks/use-grid-state';
import { buildAgentsCsv, csvFileName } from '../lib/csv-export';
import { nextSort } from '../lib/grid-url-state';
import { selectRows } from '../lib/sort-filter';
import type { ColumnId } from '../lib/columns';
import { AgentCards } from './agent-cards';
import { AgentDetail } from './agent-detail';
import { AgentGrid } from './agent-grid';
import { GridToolbar } from './grid-toolbar';
import { QueueSummary } from './queue-summary';

const NO_AGENTS: Agent[] = [];

export function QueuePage({ skillId }: { skillId: number }) {
  const queue = useLiveStore((s) => s.queues[skillId]);
  const loaded = useLiveStore((s) => s.version !== null);
  // Shallow: the list changes only when one of this queue's agent objects changes.
  const agents = useLiveStore(
    useShallow((s) => {
      const q = s.queues[skillId];
      if (!q) return NO_AGENTS;
      return q.agents.flatMap((w) => {
        const a = s.agents[w];
        return a ? [a] : [];
      });
    }),
  );
  const [grid, update] = useGridState();
  const [agentParam, openAgent, closeAgent] = useAgentParam();
  const thresholds = useThresholds();
  const narrow = useIsNarrow();
  // The clock only matters to the row set when filtering by minimum time in state.
  const tickNow = useServerNow(grid.minSec > 0);
  const rows = useMemo(() => selectRows(agents, grid, tickNow), [agents, grid, tickNow]);

  const onSort = useCallback((col: ColumnId) => update(nextSort(grid, col)), [grid, update]);

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
    const { clockOffsetMs, queues } = useLiveStore.getState();
    const offset = clockOffsetMs ?? 0;
    const queueNames = Object.fromEntries(Object.values(queues).map((q) => [q.skillId, q.name]));
    const csv = buildAgentsCsv(rows, grid.cols, {
      skillId,
      queueName: queue.name,
      mediaType: queue.mediaType,
      serverNow: clientNow + offset,
      offset,
      queueNames,
    });
    downloadText(csvFileName(skillId, clientNow), csv);
  };

  if (!queue) {
    return (
      <div className="flex flex-col gap-4 p-4 sm:p-6">
        <Link to="/" className="inline-flex items-center gap-1 text-sm text-accent underline">
          <ChevronLeftIcon className="h-4 w-4" /> All queues
        </Link>
        {loaded ? (
          <div role="alert" className="callout callout-warn max-w-xl">
            <h1 className="font-semibold">Queue {skillId} is not available</h1>
            <p className="text-sm">
              It does not exist, nobody is signed in to it right now, or your account may not see
              it. Pick a queue from the overview.
            </p>
          </div>
        ) : (
          <p className="text-muted" role="status">
            Loading queue {skillId}…
          </p>
        )}
      </div>
    );
  }

  const empty =
    agents.length === 0 ? 'Nobody is signed in to this queue.' : 'No agents match these filters.';

  return (
    // On a phone the page itself scrolls (cards); on a desk the grid scrolls inside the page.
    <div className="flex flex-col gap-3 p-3 sm:h-full sm:min-h-0 sm:p-4 lg:p-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          to="/"
          className="inline-flex items-center gap-1 text-accent underline-offset-2 hover:underline"
        >
          <ChevronLeftIcon className="h-4 w-4" /> All queues
        </Link>
      </nav>
      <QueueSummary queue={queue} headingRef={heading} />
      <GridToolbar
        state={grid}
        update={update}
        shown={rows.length}
        total={agents.length}
        onExport={onExport}
        mediaType={queue.mediaType}
      />
      {narrow ? (
        <AgentCards
          rows={rows}
          mediaType={queue.mediaType}
          thresholds={thresholds}
          onOpen={openAgent}
          empty={empty}
        />
      ) : (
        <AgentGrid
          rows={rows}
          cols={grid.cols}
          sort={grid.sort}
          dir={grid.dir}
          onSort={onSort}
          skillId={skillId}
          mediaType={queue.mediaType}
          thresholds={thresholds}
          onOpen={openAgent}
          empty={empty}
        />
      )}
      <AgentDetail
        workno={agentParam}
        skillId={skillId}
        mediaType={queue.mediaType}
        thresholds={thresholds}
        onClose={closeAgent}
      />
    </div>
  );
}
