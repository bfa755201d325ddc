import { describe, expect, it } from 'vitest';
import { makeAgent, makeQueue } from '../../../../test/fixtures';
import { countAgents, filterQueues } from './filter-queues';
import { findAgents } from './find-agents';
import {
  DEFAULT_OVERVIEW_STATE,
  parseOverviewState,
  serializeOverviewState,
} from './overview-url-state';
import { sortQueues } from './sort-queues';

describe('overview URL state', () => {
  it('round-trips search, media and state filters', () => {
    const s = parseOverviewState(new URLSearchParams('q=bill&media=5,1,x&state=talking,bogus'));
    expect(s).toEqual({ q: 'bill', media: [5, 1], states: ['talking'], sort: 'id', find: '' });
    expect(serializeOverviewState(s).toString()).toBe('q=bill&media=5%2C1&state=talking');
    expect(serializeOverviewState({ ...DEFAULT_OVERVIEW_STATE, q: ' ' }).toString()).toBe('');
  });

  it('keeps the tile order and the agent search in the URL', () => {
    const s = parseOverviewState(new URLSearchParams('sort=urgency&find=ada'));
    expect(s).toMatchObject({ sort: 'urgency', find: 'ada' });
    expect(serializeOverviewState(s).toString()).toBe('sort=urgency&find=ada');
    expect(parseOverviewState(new URLSearchParams('sort=bogus')).sort).toBe('id');
  });
});

describe('overview totals and filters', () => {
  const queues = [
    makeQueue({
      skillId: 1,
      name: 'Billing',
      mediaType: 5,
      agents: ['a', 'b'],
      counts: { idle: 1, talking: 1 },
    }),
    makeQueue({
      skillId: 2,
      name: 'Chat support',
      mediaType: 1,
      agents: ['b', 'c'],
      counts: { busy: 1, talking: 1 },
    }),
  ];
  const agents = {
    a: makeAgent({ workno: 'a' }),
    b: makeAgent({ workno: 'b', state: 'talking', status: 7 }),
    c: makeAgent({ workno: 'c', state: 'busy', status: 3 }),
  };

  it('counts each agent once and memberships apart', () => {
    const t = countAgents(queues, agents);
    expect(t.agents).toBe(3);
    expect(t.memberships).toBe(4);
    expect(t.byState).toEqual({ idle: 1, talking: 1, busy: 1 });
  });

  it('filters by name, id, media and state', () => {
    const f = DEFAULT_OVERVIEW_STATE;
    expect(filterQueues(queues, { ...f, q: 'chat' }).map((q) => q.skillId)).toEqual([2]);
    expect(filterQueues(queues, { ...f, q: '1' }).map((q) => q.skillId)).toEqual([1]);
    expect(filterQueues(queues, { ...f, media: [5] }).map((q) => q.skillId)).toEqual([1]);
    expect(filterQueues(queues, { ...f, states: ['busy'] }).map((q) => q.skillId)).toEqual([2]);
  });
});

describe('tile order', () => {
  const q = (
    skillId: number,
    name: string,
    longestWaitSec: number | null,
    waiting: number | null,
  ) => makeQueue({ skillId, name, longestWaitSec, waiting, agents: [] });
  const queues = [
    q(1, 'Billing', 30, 2),
    q(2, 'Abroad', 300, 1),
    q(3, 'Claims', 30, 9),
    q(4, 'Desk', null, null),
  ];
  const ids = (sort: Parameters<typeof sortQueues>[1], crit: Record<number, number> = {}) =>
    sortQueues(queues, sort, (x) => ({ crit: crit[x.skillId] ?? 0 })).map((x) => x.skillId);

  it('sorts by name, longest wait and calls waiting; no figure goes last', () => {
    expect(ids('id')).toEqual([1, 2, 3, 4]);
    expect(ids('name')).toEqual([2, 1, 3, 4]);
    expect(ids('wait')).toEqual([2, 3, 1, 4]);
    expect(ids('waiting')).toEqual([3, 1, 2, 4]);
  });

  it('urgency: most agents past the critical limit first, then longest wait, then calls waiting', () => {
    expect(ids('urgency', { 4: 2, 1: 1 })).toEqual([4, 1, 2, 3]);
    expect(ids('urgency')).toEqual([2, 3, 1, 4]);
  });
});

describe('agent search across queues', () => {
  const queues = {
    1: makeQueue({ skillId: 1, name: 'Billing' }),
    2: makeQueue({ skillId: 2, name: 'Sales' }),
  };
  const agents = {
    '2001': makeAgent({ workno: '2001', name: 'Amelia Hart', skills: [2, 1] }),
    '2002': makeAgent({ workno: '2002', name: 'Ben Harte', skills: [2] }),
    '1200': makeAgent({ workno: '1200', name: 'Zoe', skills: [9] }),
    '20': makeAgent({ workno: '20', name: 'Zed', skills: [1] }),
  };

  it('finds a name or work number, exact work number first, with the queues by id', () => {
    const r = findAgents('hart', agents, queues);
    expect(r.hits.map((h) => h.agent.workno)).toEqual(['2001', '2002']);
    expect(r.hits[0]?.queues.map((q) => q.skillId)).toEqual([1, 2]);
    expect(findAgents('20', agents, queues).hits.map((h) => h.agent.workno)).toEqual([
      '20',
      '2001',
      '2002',
    ]);
  });

  it('leaves out agents in no queue this user can open, and caps the list', () => {
    expect(findAgents('zoe', agents, queues).total).toBe(0);
    const r = findAgents('2', agents, queues, 1);
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(3);
    expect(findAgents('  ', agents, queues).total).toBe(0);
  });
});
