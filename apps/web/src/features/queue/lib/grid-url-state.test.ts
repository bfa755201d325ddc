import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS } from './columns';
import { DEFAULT_GRID_STATE, nextSort, parseGridState, serializeGridState } from './grid-url-state';

const parse = (qs: string) => parseGridState(new URLSearchParams(qs));

describe('queue grid URL state', () => {
  it('defaults to time in state, longest first, all columns of the default set', () => {
    expect(parse('')).toEqual(DEFAULT_GRID_STATE);
    expect(parse('').cols).toEqual([...DEFAULT_COLUMNS]);
  });

  it('parses sort, direction, states, minimum, search and columns', () => {
    expect(
      parse('sort=name&dir=desc&state=talking,busy&min=120&q=ada&cols=name,state,timeInState'),
    ).toEqual({
      sort: 'name',
      dir: 'desc',
      states: ['talking', 'busy'],
      minSec: 120,
      q: 'ada',
      cols: ['name', 'state', 'timeInState'],
      groups: [],
      by: 'none',
    });
  });

  it('falls back on bad values instead of failing', () => {
    const s = parse('sort=bogus&dir=sideways&state=idle,nope,idle&min=-4&cols=nope');
    expect(s.sort).toBe('timeInState');
    expect(s.dir).toBe('desc');
    expect(s.states).toEqual(['idle']);
    expect(s.minSec).toBe(0);
    expect(s.cols).toEqual([...DEFAULT_COLUMNS]);
  });

  it('a sort column without a direction is ascending', () => {
    expect(parse('sort=workno').dir).toBe('asc');
  });

  it('leaves defaults out of the URL and round-trips the rest', () => {
    expect(serializeGridState(DEFAULT_GRID_STATE).toString()).toBe('');
    const s = {
      ...DEFAULT_GRID_STATE,
      sort: 'signIn' as const,
      dir: 'asc' as const,
      states: ['rest' as const],
      minSec: 300,
      q: 'bo b',
      cols: ['name' as const, 'reason' as const],
    };
    const qs = serializeGridState(s).toString();
    expect(qs).toBe('sort=signIn&dir=asc&state=rest&min=300&q=bo+b&cols=name%2Creason');
    expect(parse(qs)).toEqual(s);
  });

  it('keeps unrelated params', () => {
    const out = serializeGridState({ ...DEFAULT_GRID_STATE, q: 'x' }, new URLSearchParams('foo=1'));
    expect(out.get('foo')).toBe('1');
    expect(out.get('q')).toBe('x');
  });

  it('clicking a header flips the same column, starts a new one in its natural order', () => {
    expect(nextSort(DEFAULT_GRID_STATE, 'timeInState')).toEqual({
      sort: 'timeInState',
      dir: 'asc',
    });
    expect(nextSort(DEFAULT_GRID_STATE, 'name')).toEqual({ sort: 'name', dir: 'asc' });
  });
});
