import type { Agent } from '@floorwatch/contracts/api';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ChevronLeftIcon } from '@/components/icons';
import { useServerNow } from '@/hooks/use-server-now';
import { useThresholds } from '@/hooks/use-thresholds';
import { downloadText } from '@/lib/csv';
import { useLiveStore } from '@/stores/live-store';
import { useGridState } from '../hooks/use-grid-state';
import { buildAgentsCsv, csvFileName } from '../lib/csv-export';
import { nextSort } from '../lib/grid-url-state';
import { selectRows } from '../lib/sort-filter';
import type { ColumnId } from '../lib/columns';
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
  const thresholds = useThresholds();
  // The clock only matters to the row set when filtering by minimum time in state.
  const tickNow = useServerNow(grid.minSec > 0);
  const rows = useMemo(() => selectRows(agents, grid, tickNow), [agents, grid, tickNow]);

  const onSort = useCallback((col: ColumnId) => update(nextSort(grid, col)), [grid, update]);

  const onExport = () => {
    const clientNow = Date.now();
    const offset = useLiveStore.getState().clockOffsetMs ?? 0;
    const csv = buildAgentsCsv(rows, grid.cols, { skillId, serverNow: clientNow + offset, offset });
    downloadText(csvFileName(skillId, clientNow), csv);
  };

  if (!queue) {
    return (
      <div className="flex flex-col gap-4 p-6">
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

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 p-4 lg:p-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          to="/"
          className="inline-flex items-center gap-1 text-accent underline-offset-2 hover:underline"
        >
          <ChevronLeftIcon className="h-4 w-4" /> All queues
        </Link>
      </nav>
      <QueueSummary queue={queue} />
      <GridToolbar
        state={grid}
        update={update}
        shown={rows.length}
        total={agents.length}
        onExport={onExport}
      />
      <AgentGrid
        rows={rows}
        cols={grid.cols}
        sort={grid.sort}
        dir={grid.dir}
        onSort={onSort}
        skillId={skillId}
        thresholds={thresholds}
        empty={
          agents.length === 0
            ? 'No agents are signed in to this queue.'
            : 'No agents match these filters.'
        }
      />
    </div>
  );
}
