// The gateway's per-agent limit (5 calls per 2 s, the keep-alive included) must hold whatever
// the monitor wants: eager pollers, a large floor, a re-sign-in in the middle.
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics';
import { createMonitor } from '../../src/monitor/monitor';
import { apiChecked } from './api-boundary';
import {
  captureLogger,
  control,
  counters,
  openSession,
  startSim,
  waitFor,
} from '../gateway/support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function run(scenario: 'seed' | 'large', pollMs: number) {
  const gw = await startSim({ scenario, pollHoldMs: 400 });
  cleanup.push(() => gw.close());
  const metrics = createMetrics({ defaultMetrics: false });
  const { logger } = captureLogger();
  const session = openSession(gw, cleanup, { metrics, logger, requestTimeoutMs: 8000 });
  await session.start();
  // Deliberately greedier than the budget: every poller wants more than its share.
  const monitor = createMonitor({
    session,
    pollMs,
    staleAfterMs: 10_000,
    acdEveryMs: pollMs,
    skillsEveryMs: 60_000,
    logger,
    metrics,
  });
  monitor.start();
  cleanup.push(() => monitor.stop());
  return { gw, monitor, metrics };
}

describe('upstream budget', () => {
  it('is never exceeded by greedy pollers, the keep-alive and a re-sign-in (seed)', async () => {
    const run1 = await run('seed', 150);
    const { gw } = run1;
    const monitor = apiChecked(run1.monitor);
    await waitFor(() => monitor.snapshot().agents.length === 2, { what: 'data' });
    const base = (await counters(gw)).routes.queryAllOnlineAgents ?? 0;
    await waitFor(async () => ((await counters(gw)).routes.queryAllOnlineAgents ?? 0) >= base + 4, {
      timeoutMs: 10_000,
      what: 'polls',
    });
    await control(gw, 'POST', '/sessions/expire');
    await waitFor(async () => ((await counters(gw)).routes.queryAllOnlineAgents ?? 0) >= base + 7, {
      timeoutMs: 15_000,
      what: 'polls after the re-sign-in',
    });
    const c = await counters(gw);
    expect(c.maxInWindow['101']).toBeLessThanOrEqual(5);
    expect(c.rejected.rateLimited).toBe(0);
    expect(c.routes.queryStatInfoOfAcd ?? 0).toBeGreaterThan(0);
    await waitFor(() => monitor.health().status === 'ok', { what: 'ok after re-sign-in' });
    expect(monitor.violations).toEqual([]);
  });

  it('is never exceeded on the large floor (10,000 agents, 500 queues in 5 acd batches)', async () => {
    const { gw, monitor, metrics } = await run('large', 400);
    await waitFor(() => monitor.snapshot().agents.length > 1000, {
      timeoutMs: 15_000,
      what: 'large data',
    });
    const base = (await counters(gw)).routes.queryAllOnlineAgents ?? 0;
    await waitFor(async () => ((await counters(gw)).routes.queryAllOnlineAgents ?? 0) >= base + 4, {
      timeoutMs: 20_000,
      what: 'polls',
    });
    const c = await counters(gw);
    expect(c.maxInWindow['101']).toBeLessThanOrEqual(5);
    expect(c.rejected.rateLimited).toBe(0);
    const snap = monitor.snapshot();
    expect(snap.queues.length).toBe(500);
    // Agents are de-duplicated across their queues.
    expect(new Set(snap.agents.map((a) => a.workno)).size).toBe(snap.agents.length);
    const waits = await metrics.upstreamBudgetWaits.get();
    expect(waits.values.reduce((n, v) => n + v.value, 0)).toBeGreaterThan(0);
    // Checked once at the end: parsing 10,000 agents on every look would stall the event loop
    // and skew the very timing this test measures.
    const checked = apiChecked(monitor);
    checked.snapshot();
    expect(checked.violations).toEqual([]);
  });
});
