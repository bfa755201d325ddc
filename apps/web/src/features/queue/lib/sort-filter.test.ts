import { describe, expect, it } from 'vitest';
import { makeAgent, T0 } from '../../../../test/fixtures';
import { DEFAULT_GRID_STATE } from './grid-url-state';
import { NO_NAMES } from '@/lib/floor-names';
import { selectRows } from './sort-filter';

const agents = [
  makeAgent({ workno: '1001', name: 'Ada', state: 'idle', stateSince: T0 - 30_000 }),
  makeAgent({ workno: '1002', name: 'Bob', state: 'talking', status: 7, stateSince: T0 - 600_000 }),
  makeAgent({ workno: '1003', name: '', state: 'talking', status: 7, stateSince: T0 - 90_000 }),
];

describe('selectRows', () => {
  it('sorts by time in state, longest first, by default', () => {
    expect(selectRows(agents, DEFAULT_GRID_STATE, T0, NO_NAMES).map((a) => a.workno)).toEqual([
      '1002',
      '1003',
      '1001',
    ]);
  });
  it('filters by state, minimum time and search (name or work number)', () => {
    expect(
      selectRows(agents, { ...DEFAULT_GRID_STATE, states: ['talking'] }, T0, NO_NAMES).map(
        (a) => a.workno,
      ),
    ).toEqual(['1002', '1003']);
    expect(
      selectRows(agents, { ...DEFAULT_GRID_STATE, minSec: 60 }, T0, NO_NAMES).map((a) => a.workno),
    ).toEqual(['1002', '1003']);
    expect(
      selectRows(agents, { ...DEFAULT_GRID_STATE, q: 'bo' }, T0, NO_NAMES).map((a) => a.workno),
    ).toEqual(['1002']);
    expect(
      selectRows(agents, { ...DEFAULT_GRID_STATE, q: '1003' }, T0, NO_NAMES).map((a) => a.workno),
    ).toEqual(['1003']);
  });
  it('sorts by name using the work number for nameless agents', () => {
    expect(
      selectRows(agents, { ...DEFAULT_GRID_STATE, sort: 'name', dir: 'asc' }, T0, NO_NAMES).map(
        (a) => a.workno,
      ),
    ).toEqual(['1003', '1001', '1002']);
  });
});
