// Freshness comes from polls, not from changes: on a floor where nothing changes (the seed
// scenario), every stream client still hears about every successful poll, so a wall never calls
// a healthy feed stale. The periodic heartbeat is set far out of reach here: what arrives comes
// from the polls themselves.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSseHub } from '../../src/live/sse-hub';
import { createMetrics } from '../../src/metrics';
import { createMonitor } from '../../src/monitor/monitor';
import { captureLogger, counters, openSession, startSim, waitFor } from '../gateway/support';
import { FakeRes } from './fake-res';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** lastSuccessAt of every message a client received, in order. */
function freshness(res: FakeRes): number[] {
  return res.events().map((e) => {
    const d = e.data as { lastSuccessAt?: number; gateway?: { lastSuccessAt: number } };
    return e.event === 'heartbeat' ? d.lastSuccessAt! : d.gateway!.lastSuccessAt;
  });
}

describe('freshness on a floor that holds still', { timeout: 20_000 }, () => {
  it('every client receives the time of every successful poll', async () => {
    const gw = await startSim({ rateLimit: { max: 20, windowMs: 2000 } });
    cleanup.push(() => gw.close());
    const metrics = createMetrics({ defaultMetrics: false });
    const { logger } = captureLogger();
    const session = openSession(gw, cleanup, {
      metrics,
      logger,
      budget: { max: 20, windowMs: 2000 },
    });
    await session.start();
    const monitor = createMonitor({
      session,
      pollMs: 250,
      staleAfterMs: 5000,
      waitingAfterMs: 4000,
      acdEveryMs: 250,
      skillsEveryMs: 60_000,
      logger,
      metrics,
    });
    monitor.start();
    cleanup.push(() => monitor.stop());
    const hub = createSseHub({
      live: monitor,
      metrics,
      logger,
      isSessionValid: () => true,
      heartbeatMs: 600_000,
    });
    cleanup.push(() => Promise.resolve(hub.close()));
    // Settled: agents, queue names and queue depth all in.
    await waitFor(
      () => {
        const s = monitor.snapshot();
        return (
          s.gateway.status === 'ok' &&
          s.queues.length === 2 &&
          s.queues.every((q) => q.waiting !== null && !q.name.startsWith('Skill '))
        );
      },
      { what: 'settled data' },
    );

    const base = (await counters(gw)).routes.queryAllOnlineAgents ?? 0;
    // Every successful poll from now on, as the monitor saw it.
    const polls: number[] = [];
    const patched: number[] = [];
    monitor.onQuietPoll((t) => polls.push(t));
    monitor.onCommit(({ v1 }) => patched.push(v1.version));
    const clients = [[], [], [1], [2]].map((scope) => {
      const res = new FakeRes();
      hub.connect(res as unknown as ServerResponse, {
        scope: scope.length ? scope : '*',
        sessionId: 's',
      });
      return res;
    });

    const N = 8;
    await waitFor(() => polls.length >= N, { what: `${N} polls`, timeoutMs: 15_000 });
    // They are real polls of the gateway (one may have been on its way when we started counting).
    expect((await counters(gw)).routes.queryAllOnlineAgents ?? 0).toBeGreaterThanOrEqual(
      base + N - 1,
    );
    // Nothing changed on this floor: no patch at all, freshness came on heartbeats alone.
    expect(patched).toEqual([]);

    for (const c of clients) {
      const seen = freshness(c);
      // It only ever moves forward, and it moved with every poll.
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      for (const t of polls) expect(seen).toContain(t);
      expect(new Set(seen.slice(1)).size).toBe(seen.length - 1);
    }
  });
});
