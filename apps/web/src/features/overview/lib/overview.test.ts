import { describe, expect, it } from 'vitest';
import { makeAgent, makeQueue } from '../../../../test/fixtures';
import { countAgents, filterQueues } from './filter-queues';
import { parseOverviewState, serializeOverviewState } from './overview-url-state';

describe('overview URL state', () => {
  it('round-trips search, media and state filters', () => {
    const s = parseOverviewState(new URLSearchParams('q=bill&media=5,1,x&state=talking,bogus'));
    expect(s).toEqual({ q: 'bill', media: [5, 1], states: ['talking'] });
    expect(serializeOverviewState(s).toString()).toBe('q=bill&media=5%2C1&state=talking');
    expect(serializeOverviewState({ q: ' ', media: [], states: [] }).toString()).toBe('');
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
    const f = { q: '', media: [], states: [] };
    expect(filterQueues(queues, { ...f, q: 'chat' }).map((q) => q.skillId)).toEqual([2]);
    expect(filterQueues(queues, { ...f, q: '1' }).map((q) => q.skillId)).toEqual([1]);
    expect(filterQueues(queues, { ...f, media: [5] }).map((q) => q.skillId)).toEqual([1]);
    expect(filterQueues(queues, { ...f, states: ['busy'] }).map((q) => q.skillId)).toEqual([2]);
  });
});
