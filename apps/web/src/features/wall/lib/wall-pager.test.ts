import { describe, expect, it } from 'vitest';
import {
  nextPage,
  pageCount,
  pickPage,
  previousPage,
  startCycle,
  type PagerContext,
  type PagerState,
} from './wall-pager';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const ctx = (n: number, perPage: number, critical: number[] = []): PagerContext => ({
  order: ids(n),
  perPage,
  isCritical: (id) => critical.includes(id),
});

/** Every page of one cycle, from its start until it wraps around. */
function cycle(c: PagerContext): number[][] {
  let s: PagerState = startCycle(c);
  const pages = [s.pages[0]!];
  for (let i = 0; i < 1000; i++) {
    s = nextPage(s, c);
    if (s.index === 0) break;
    pages.push(s.pages[s.index]!);
  }
  return pages;
}

describe('wall pager', () => {
  it('shows all 500 queues exactly once per cycle, in ceil(500 / per page) pages', () => {
    const c = ctx(500, 56);
    const pages = cycle(c);
    expect(pages).toHaveLength(pageCount(500, 56));
    expect(pages).toHaveLength(9);
    expect(pages.flat().sort((a, b) => a - b)).toEqual(ids(500));
  });

  it('puts a queue past a critical limit on page 1, even the last one', () => {
    const pages = cycle(ctx(500, 56, [500, 444]));
    expect(pages[0]!.slice(0, 2)).toEqual([444, 500]);
    expect(pages.flat().filter((id) => id === 500)).toHaveLength(1);
  });

  it('puts a queue that turned critical mid-cycle on the next page, not on page 9', () => {
    const critical: number[] = [];
    const c: PagerContext = {
      order: ids(500),
      perPage: 56,
      isCritical: (id) => critical.includes(id),
    };
    let s = startCycle(c);
    critical.push(480);
    s = nextPage(s, c);
    expect(s.index).toBe(1);
    expect(s.pages[1]![0]).toBe(480);
  });

  it('keeps a page as it was when going back to it', () => {
    const critical: number[] = [];
    const c: PagerContext = {
      order: ids(30),
      perPage: 10,
      isCritical: (id) => critical.includes(id),
    };
    let s = nextPage(startCycle(c), c);
    const second = s.pages[1];
    critical.push(29);
    s = previousPage(s);
    expect(s.index).toBe(0);
    s = nextPage(s, c);
    expect(s.pages[1]).toBe(second);
    expect(previousPage(startCycle(c)).index).toBe(0);
  });

  it('does not show the same queue twice in a row when a new cycle starts', () => {
    // One queue at a time, queue 2 critical: 2, 1, then (2 was not just shown) 2, 1 …
    const c = ctx(2, 1, [2]);
    let s = startCycle(c);
    const seen = [s.pages[0]![0]];
    for (let i = 0; i < 5; i++) {
      s = nextPage(s, c);
      seen.push(s.pages[s.index]![0]);
    }
    expect(seen).toEqual([2, 1, 2, 1, 2, 1]);
    // Queue 1 critical but just shown at the end of a cycle: the other comes first.
    expect(pickPage(ctx(2, 1, [1]), new Set(), new Set([1]))).toEqual([2]);
  });

  it('keeps the usual order when everything fits on one page', () => {
    expect(pickPage(ctx(6, 12, [6]), new Set())).toEqual(ids(6));
    expect(cycle(ctx(6, 12, [6]))).toEqual([ids(6)]);
  });

  it('counts pages', () => {
    expect(pageCount(0, 10)).toBe(0);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
  });
});
