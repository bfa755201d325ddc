import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BudgetCaller } from '../../src/gateway/types';
import { createRateBudget } from '../../src/gateway/rate-budget';

describe('rate budget', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('never grants more than max within the padded window', async () => {
    const budget = createRateBudget({ max: 5, windowMs: 2000, headroomMs: 50 });
    const grants: number[] = [];
    const all = Array.from({ length: 12 }, () =>
      budget.acquire('agents').then((release) => {
        grants.push(Date.now());
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    expect(grants).toHaveLength(12);
    for (let i = 5; i < grants.length; i++)
      expect(grants[i]! - grants[i - 5]!).toBeGreaterThanOrEqual(2050);
  });

  it('holds a slot while the call is in flight and counts the window from its answer', async () => {
    const budget = createRateBudget({ max: 1, windowMs: 1000, headroomMs: 0 });
    const release = await budget.acquire('agents');
    let second = 0;
    const next = budget.acquire('agents').then((r) => {
      second = Date.now();
      r();
    });
    await vi.advanceTimersByTimeAsync(3000); // a slow call: 3 s in flight
    expect(second).toBe(0);
    release(); // answered now: the gateway may have counted it this late
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBe(0);
    await vi.advanceTimersByTimeAsync(10);
    await next;
    expect(second - 1_000_000).toBeGreaterThanOrEqual(4000);
  });

  it('serves higher-priority callers first when slots are scarce', async () => {
    const waits: string[] = [];
    const budget = createRateBudget({ max: 1, windowMs: 1000, onWait: (c) => waits.push(c) });
    const order: BudgetCaller[] = [];
    (await budget.acquire('agents'))();
    const callers: BudgetCaller[] = ['proxy', 'queues', 'agents', 'keepalive', 'skills', 'session'];
    const done = callers.map((c) =>
      budget.acquire(c).then((release) => {
        order.push(c);
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(done);
    expect(order).toEqual(['keepalive', 'session', 'agents', 'queues', 'skills', 'proxy']);
    expect(waits).toHaveLength(6);
  });

  it('rejects waiters on drain and close', async () => {
    const budget = createRateBudget({ max: 1, windowMs: 1000 });
    (await budget.acquire('agents'))();
    const drained = budget.acquire('agents');
    budget.drain();
    await expect(drained).rejects.toMatchObject({ code: 'STOPPED' });
    const pending = budget.acquire('agents');
    budget.close();
    await expect(pending).rejects.toMatchObject({ code: 'STOPPED' });
    await expect(budget.acquire('keepalive')).rejects.toMatchObject({ code: 'STOPPED' });
  });
});
