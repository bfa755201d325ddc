// The queue grid's view (sort, filters, search, columns) lives in the URL so it can be bookmarked
// and shared. Defaults are left out of the URL to keep links short.
import { AGENT_STATES, type AgentState } from '@/lib/states';
import {
  parseEnum,
  parseEnumList,
  parseIntList,
  parseNonNegativeInt,
  setParam,
} from '@/lib/url-state';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './columns';

export type SortDir = 'asc' | 'desc';

/** Rows in one list, or in sections per agent group. */
export type GridGrouping = 'none' | 'group';
export const GRID_GROUPINGS: readonly GridGrouping[] = ['none', 'group'];

export interface GridState {
  sort: ColumnId;
  dir: SortDir;
  states: AgentState[];
  /** Minimum time in state, seconds (0 = any). */
  minSec: number;
  q: string;
  cols: ColumnId[];
  /** Agent groups to show (empty = all). */
  groups: number[];
  by: GridGrouping;
}

export const DEFAULT_GRID_STATE: GridState = {
  sort: 'timeInState',
  dir: 'desc',
  states: [],
  minSec: 0,
  q: '',
  cols: [...DEFAULT_COLUMNS],
  groups: [],
  by: 'none',
};

export function parseGridState(params: URLSearchParams): GridState {
  const sort = parseEnum(params.get('sort'), COLUMN_IDS, DEFAULT_GRID_STATE.sort);
  const defaultDir = naturalDir(sort);
  const dir = parseEnum<SortDir>(params.get('dir'), ['asc', 'desc'], defaultDir);
  const cols = parseEnumList(params.get('cols'), COLUMN_IDS);
  return {
    sort,
    dir,
    states: parseEnumList(params.get('state'), AGENT_STATES),
    minSec: parseNonNegativeInt(params.get('min'), 0),
    q: (params.get('q') ?? '').slice(0, 100),
    cols: cols.length > 0 ? cols : [...DEFAULT_COLUMNS],
    groups: parseIntList(params.get('group')),
    by: parseEnum(params.get('by'), GRID_GROUPINGS, 'none'),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Writes `state` into a copy of `base` (other params, e.g. from other screens, are kept). */
export function serializeGridState(
  state: GridState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const p = new URLSearchParams(base);
  const isDefaultSort =
    state.sort === DEFAULT_GRID_STATE.sort && state.dir === DEFAULT_GRID_STATE.dir;
  setParam(p, 'sort', isDefaultSort ? null : state.sort);
  setParam(p, 'dir', isDefaultSort ? null : state.dir);
  setParam(p, 'state', state.states.join(','));
  setParam(p, 'min', state.minSec > 0 ? String(state.minSec) : null);
  setParam(p, 'q', state.q.trim() === '' ? null : state.q);
  setParam(p, 'cols', sameList(state.cols, DEFAULT_COLUMNS) ? null : state.cols.join(','));
  setParam(p, 'group', state.groups.join(','));
  setParam(p, 'by', state.by === 'none' ? null : state.by);
  return p;
}

/** Durations and counts read best largest first; names and numbers A→Z. */
export function naturalDir(col: ColumnId): SortDir {
  return col === 'timeInState' || col === 'queues' ? 'desc' : 'asc';
}

/** Clicking a header: same column flips direction; a new column starts in its natural order. */
export function nextSort(state: GridState, col: ColumnId): Pick<GridState, 'sort' | 'dir'> {
  if (state.sort === col) return { sort: col, dir: state.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: col, dir: naturalDir(col) };
}
