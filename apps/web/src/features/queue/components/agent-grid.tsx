import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { ArrowDownIcon, ArrowUpIcon } from '@/components/icons-more';
import type { FloorNames } from '@/lib/floor-names';
import type { LimitsPolicy } from '@/lib/limits';
import { columnLabel, COLUMN_WIDTHS, type ColumnId } from '../lib/columns';
import type { GridState } from '../lib/grid-url-state';
import type { GridItem } from '../lib/sort-filter';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  table: { id: 'grid.table', defaultMessage: 'Agents' },
  count: {
    id: 'grid.group.count',
    defaultMessage: '{count, plural, one {# agent} other {# agents}}',
  },
});
import { AgentRow } from './agent-row';

const ROW_HEIGHT = 44;

function itemKey(it: GridItem | undefined): string | undefined {
  if (!it) return undefined;
  return it.kind === 'agent' ? it.agent.workno : `g${it.groupId}`;
}
/** Below this many rows every row is rendered (cheap, and simplest for assistive tech). */
export const VIRTUALIZE_FROM = 120;

interface AgentGridProps {
  /** Agents, with a heading item before each group when grouped. */
  items: readonly GridItem[];
  cols: readonly ColumnId[];
  sort: GridState['sort'];
  dir: GridState['dir'];
  onSort: (col: ColumnId) => void;
  skillId: number;
  /** The queue's `skillMediaType`, so states read in its words. */
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
  onOpen: (workno: string) => void;
  /** Shown in the body when there are no rows. */
  empty: React.ReactNode;
}

/**
 * A real <table> (rows, cells, column headers) so screen readers and Playwright read it row by
 * row; with many agents only the rows in view are in the DOM, and aria-rowcount/aria-rowindex
 * tell assistive tech where they are.
 */
export function AgentGrid({
  items: rows,
  cols,
  sort,
  dir,
  onSort,
  skillId,
  mediaType,
  policy,
  names,
  onOpen,
  empty,
}: AgentGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const intl = useI18n();
  const virtual = rows.length >= VIRTUALIZE_FROM;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Until measured (first paint, or no layout at all), assume a typical viewport.
    initialRect: { width: 1200, height: 800 },
    getItemKey: (i) => itemKey(rows[i]) ?? i,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = virtual && items.length > 0 ? (items[0]?.start ?? 0) : 0;
  const padBottom =
    virtual && items.length > 0
      ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
      : 0;
  const visible: { item: GridItem; index: number }[] = virtual
    ? items.flatMap((it) => {
        const item = rows[it.index];
        return item ? [{ item, index: it.index }] : [];
      })
    : rows.map((item, index) => ({ item, index }));

  return (
    <div
      ref={scrollRef}
      className="live-data relative min-h-0 flex-1 overflow-auto rounded-xl border border-line bg-surface"
    >
      <table
        aria-label={intl.formatMessage(M.table)}
        aria-rowcount={rows.length + 1}
        className="w-full table-fixed border-separate border-spacing-0 text-left"
        style={{ minWidth: cols.reduce((w, c) => w + parseFloat(COLUMN_WIDTHS[c]), 0) + 'rem' }}
      >
        <colgroup>
          {cols.map((c) => (
            <col key={c} style={{ width: COLUMN_WIDTHS[c] }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-surface-2">
          <tr aria-rowindex={1} className="h-10">
            {cols.map((c) => {
              const active = sort === c;
              return (
                <th
                  key={c}
                  scope="col"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className="border-b border-line px-1 text-xs font-semibold whitespace-nowrap text-muted uppercase"
                >
                  <button
                    type="button"
                    onClick={() => onSort(c)}
                    className={`inline-flex w-full items-center gap-1 overflow-hidden rounded px-2 py-1 text-left uppercase hover:bg-surface ${
                      active ? 'text-fg' : ''
                    }`}
                  >
                    {columnLabel(c)}
                    {active &&
                      (dir === 'asc' ? (
                        <ArrowUpIcon className="h-3.5 w-3.5 shrink-0" />
                      ) : (
                        <ArrowDownIcon className="h-3.5 w-3.5 shrink-0" />
                      ))}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={cols.length} />
            </tr>
          )}
          {visible.map(({ item, index }) =>
            item.kind === 'group' ? (
              <tr key={`g${item.groupId}`} aria-rowindex={index + 2} className="h-11 bg-surface-2">
                <th
                  scope="colgroup"
                  colSpan={cols.length}
                  className="border-b border-line px-3 text-left text-sm font-semibold"
                >
                  {item.name}{' '}
                  <span className="font-normal text-muted">
                    · {intl.formatMessage(M.count, { count: item.count })}
                  </span>
                </th>
              </tr>
            ) : (
              <AgentRow
                key={item.agent.workno}
                agent={item.agent}
                cols={cols}
                skillId={skillId}
                mediaType={mediaType}
                rowIndex={index + 2}
                policy={policy}
                names={names}
                onOpen={onOpen}
              />
            ),
          )}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={cols.length} />
            </tr>
          )}
          {rows.length === 0 && (
            <tr>
              <td colSpan={cols.length} className="px-4 py-10 text-center text-muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
