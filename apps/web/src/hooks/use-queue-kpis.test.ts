import { describe, expect, it } from 'vitest';
import { statesToList } from './use-queue-kpis';

describe('the states a wall tile lists', () => {
  it('keeps idle and talking, then the largest others, in reading order', () => {
    const states = ['idle', 'talking', 'wrapup', 'busy', 'rest'] as const;
    const counts = { idle: 5, talking: 0, wrapup: 1, busy: 3, rest: 2 };
    expect(statesToList(states, counts, 4)).toEqual(['idle', 'talking', 'busy', 'rest']);
  });

  it('lists every state where there is room', () => {
    const states = ['idle', 'talking', 'rest'] as const;
    expect(statesToList(states, { idle: 1, talking: 1, rest: 1 }, 4)).toEqual(states);
    expect(statesToList(states, { idle: 1 })).toEqual(states);
  });
});
