import { FilterField, SearchInput } from '@/components/ui/filter-field';
import { ColumnsIcon, DownloadIcon } from '@/components/icons-more';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { formatDuration, joinList } from '@/lib/format';
import { STATE_ORDER, stateLabel, type AgentState } from '@/lib/states';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { groupName, NO_NAMES } from '@/lib/floor-names';
import { COLUMN_IDS, columnLabel, type ColumnId } from '../lib/columns';
import type { GridState } from '../lib/grid-url-state';

const MIN_OPTIONS = [0, 30, 60, 120, 300, 600, 900, 1800, 3600];

const M = defineMessages({
  anyTime: { id: 'grid.min.any', defaultMessage: 'Any time' },
  sec: { id: 'grid.min.sec', defaultMessage: '{n} s or more' },
  hr: { id: 'grid.min.hr', defaultMessage: '{n} h or more' },
  min: { id: 'grid.min.min', defaultMessage: '{n} min or more' },
  other: { id: 'grid.min.other', defaultMessage: '{time} or more' },
  filter: { id: 'grid.filter', defaultMessage: 'Filter agents' },
  search: { id: 'grid.search', defaultMessage: 'Search agents' },
  searchHint: { id: 'grid.search.placeholder', defaultMessage: 'Name or work number' },
  state: { id: 'grid.state', defaultMessage: 'State' },
  allStates: { id: 'grid.state.all', defaultMessage: 'All states' },
  minTime: { id: 'grid.min', defaultMessage: 'Minimum time in state' },
  clear: { id: 'grid.clear', defaultMessage: 'Clear filters' },
  all: {
    id: 'grid.count.all',
    defaultMessage: '{total, plural, one {# agent} other {# agents}}',
  },
  some: {
    id: 'grid.count.some',
    defaultMessage: '{shown} of {total, plural, one {# agent} other {# agents}}',
  },
  columns: { id: 'grid.columns', defaultMessage: 'Columns' },
  visible: { id: 'grid.columns.visible', defaultMessage: 'Visible columns' },
  export: { id: 'grid.export', defaultMessage: 'Export CSV' },
});

function minLabel(sec: number): string {
  const intl = activeIntl();
  if (sec === 0) return intl.formatMessage(M.anyTime);
  if (sec < 60) return intl.formatMessage(M.sec, { n: sec });
  if (sec % 3600 === 0) return intl.formatMessage(M.hr, { n: sec / 3600 });
  if (sec % 60 === 0) return intl.formatMessage(M.min, { n: sec / 60 });
  return intl.formatMessage(M.other, { time: formatDuration(sec * 1000) });
}

interface GridToolbarProps {
  state: GridState;
  update: (patch: Partial<GridState>) => void;
  shown: number;
  total: number;
  onExport: () => void;
  /** The queue's `skillMediaType`: the state filter reads "Chatting" in a chat queue. */
  mediaType: number;
  /** The agent groups in this queue, by name, for the group filter. */
  groups: readonly { groupId: number; name: string }[];
}

export function GridToolbar({
  state,
  update,
  shown,
  total,
  onExport,
  mediaType,
  groups,
}: GridToolbarProps) {
  const intl = useI18n();
  const stateValue =
    state.states.length === 1 ? (state.states[0] ?? '') : state.states.length > 1 ? '__many' : '';
  const minOptions = MIN_OPTIONS.includes(state.minSec)
    ? MIN_OPTIONS
    : [...MIN_OPTIONS, state.minSec].sort((a, b) => a - b);
  const filtered =
    state.states.length > 0 || state.minSec > 0 || state.q.trim() !== '' || state.groups.length > 0;
  const groupValue = state.groups.length === 1 ? String(state.groups[0]) : '';
  // A group in the URL that has nobody here now still shows as chosen.
  const groupOptions = [
    ...groups,
    ...state.groups
      .filter((id) => !groups.some((g) => g.groupId === id))
      .map((groupId) => ({ groupId, name: groupName(groupId, NO_NAMES) })),
  ];

  return (
    <div
      className="flex flex-wrap items-end gap-3"
      role="search"
      aria-label={intl.formatMessage(M.filter)}
    >
      <FilterField
        id="grid-search"
        label={intl.formatMessage(M.search)}
        className="w-full sm:w-auto"
      >
        <SearchInput
          id="grid-search"
          widthClass="w-full sm:w-60"
          placeholder={intl.formatMessage(M.searchHint)}
          value={state.q}
          onChange={(q) => update({ q })}
        />
      </FilterField>
      <FilterField id="grid-state" label={intl.formatMessage(M.state)}>
        <select
          id="grid-state"
          className="select w-40 max-sm:w-[calc(50vw-1.75rem)]"
          value={stateValue}
          onChange={(e) => {
            const v = e.target.value;
            update({ states: v === '' ? [] : [v as AgentState] });
          }}
        >
          <option value="">{intl.formatMessage(M.allStates)}</option>
          {state.states.length > 1 && (
            <option value="__many" disabled>
              {joinList(state.states.map((s) => stateLabel(s, mediaType)))}
            </option>
          )}
          {STATE_ORDER.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s, mediaType)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="grid-min" label={intl.formatMessage(M.minTime)}>
        <select
          id="grid-min"
          className="select w-40 max-sm:w-[calc(50vw-1.75rem)]"
          value={state.minSec}
          onChange={(e) => update({ minSec: Number(e.target.value) })}
        >
          {minOptions.map((s) => (
            <option key={s} value={s}>
              {minLabel(s)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="grid-group" label={intl.formatMessage(COMMON.group)}>
        <select
          id="grid-group"
          className="select w-40 max-sm:w-[calc(50vw-1.75rem)]"
          value={groupValue}
          onChange={(e) =>
            update({ groups: e.target.value === '' ? [] : [Number(e.target.value)] })
          }
        >
          <option value="">{intl.formatMessage(COMMON.allGroups)}</option>
          {groupOptions.map((g) => (
            <option key={g.groupId} value={g.groupId}>
              {g.name}
            </option>
          ))}
        </select>
      </FilterField>
      <label className="inline-flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          checked={state.by === 'group'}
          onChange={(e) => update({ by: e.target.checked ? 'group' : 'none' })}
        />
        {intl.formatMessage(COMMON.sectionsByGroup)}
      </label>
      {filtered && (
        <button
          type="button"
          className="btn btn-ghost underline"
          onClick={() => update({ states: [], minSec: 0, q: '', groups: [] })}
        >
          {intl.formatMessage(M.clear)}
        </button>
      )}
      <p className="text-sm text-muted self-center pt-4" aria-live="polite">
        {shown === total
          ? intl.formatMessage(M.all, { total })
          : intl.formatMessage(M.some, { shown: intl.formatNumber(shown), total })}
      </p>
      <div className="ml-auto flex items-end gap-2">
        <details
          className="relative"
          onKeyDown={(e) => {
            // Escape closes the column chooser and returns focus to its button.
            if (e.key === 'Escape' && e.currentTarget.open) {
              e.currentTarget.open = false;
              e.currentTarget.querySelector('summary')?.focus();
            }
          }}
        >
          <summary className="btn list-none [&::-webkit-details-marker]:hidden">
            <ColumnsIcon className="h-4 w-4" />
            {intl.formatMessage(M.columns)}
          </summary>
          <div
            role="group"
            aria-label={intl.formatMessage(M.visible)}
            className="card absolute right-0 z-20 mt-1 flex w-56 flex-col gap-0.5 p-2 shadow-lg"
          >
            {COLUMN_IDS.map((c) => {
              const on = state.cols.includes(c);
              return (
                <button
                  key={c}
                  type="button"
                  aria-pressed={on}
                  disabled={on && state.cols.length === 1}
                  className="flex items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-surface-2 disabled:opacity-50"
                  onClick={() => {
                    const cols: ColumnId[] = on
                      ? state.cols.filter((x) => x !== c)
                      : COLUMN_IDS.filter((x) => x === c || state.cols.includes(x));
                    update({ cols });
                  }}
                >
                  <span
                    aria-hidden="true"
                    className={`inline-flex h-4 w-4 items-center justify-center rounded border text-[0.7rem] leading-none ${
                      on ? 'border-accent bg-accent text-accent-fg' : 'border-line'
                    }`}
                  >
                    {on ? '✓' : ''}
                  </span>
                  {columnLabel(c)}
                </button>
              );
            })}
          </div>
        </details>
        <button type="button" className="btn" onClick={onExport} disabled={shown === 0}>
          <DownloadIcon className="h-4 w-4" />
          {intl.formatMessage(M.export)}
        </button>
      </div>
    </div>
  );
}
