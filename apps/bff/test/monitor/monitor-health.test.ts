// Health transitions of the monitor over a fake session and a fake clock: every change of
// status reaches the screens as a patch, data is never blanked, and nothing else makes a patch.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import type { GatewayError } from '@floorwatch/contracts/api';
import { createMetrics } from '../../src/metrics';
import { GatewayCallError } from '../../src/gateway/gateway-call-error';
import type {
  GatewayAnswer,
  GatewayRequest,
  GatewaySessionPort,
  SessionStatus,
} from '../../src/gateway/types';
import { createMonitor, type MonitorOptions } from '../../src/monitor/monitor';
import { apiChecked } from './api-boundary';

const example: unknown = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL(
        '../../../../packages/contracts/test/fixtures/allonlineagents.example.json',
        import.meta.url,
      ),
    ),
    'utf8',
  ),
);

type Mode = 'ok' | 'hang' | 'fatal' | 'bad';
const START = 1_800_000_000_000;

function fakeSession() {
  let mode: Mode = 'ok';
  let status: SessionStatus = {
    state: 'signed-in',
    agentId: '101',
    lastSuccessAt: null,
    error: null,
    signedInAt: 0,
  };
  const listeners = new Set<(s: SessionStatus) => void>();
  const fatal: GatewayError = {
    code: '300-001',
    message: 'No right',
    category: 'no-right',
    fatal: true,
    at: 0,
  };
  const port: GatewaySessionPort = {
    agentId: '101',
    status: () => status,
    call<T>(req: GatewayRequest): Promise<GatewayAnswer<T>> {
      const answer = (body: unknown, retcode: string): Promise<GatewayAnswer<T>> =>
        Promise.resolve({ httpStatus: 200, body: body as T, retcode, latencyMs: 1 });
      // The session's request timeout ends a hung call.
      if (mode === 'hang') {
        return new Promise((_, reject) =>
          setTimeout(() => reject(new GatewayCallError('TIMEOUT', 'no answer')), 8000),
        );
      }
      if (mode === 'fatal') return Promise.reject(new GatewayCallError('FATAL', 'no right'));
      if (req.route === 'queryAllOnlineAgents') {
        // A fresh copy: the fast parser converts what it is given in place.
        if (mode === 'bad') return answer({ retcode: '0', message: '', result: 'x' }, '0');
        // Like a real gateway, currentstatetime grows with the clock while the state holds.
        const body = structuredClone(example) as {
          result: Array<{ agent: Array<{ currentstatetime: number }> }>;
        };
        const elapsed = Math.floor((Date.now() - START) / 1000);
        for (const skill of body.result) for (const a of skill.agent) a.currentstatetime += elapsed;
        return answer(body, '0');
      }
      if (req.route === 'querySkillQueueOnAgentVDN') {
        return answer(
          { retcode: '0', message: '', result: [{ id: 1, name: 'Voice', mediatype: 5 }] },
          '0',
        );
      }
      return answer({ retcode: '0', message: '', result: [] }, '0');
    },
    currentGuid: () => 'never-used',
    offerSetGuid: () => undefined,
    acquireBudget: () => Promise.resolve(),
    onStatusChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    port,
    setMode(m: Mode) {
      mode = m;
      const next: SessionStatus =
        m === 'fatal'
          ? { ...status, state: 'fatal', error: fatal }
          : { ...status, state: 'signed-in', error: null };
      if (next.state !== status.state) {
        status = next;
        for (const l of listeners) l(status);
      }
    },
  };
}

function monitorOver(fake: ReturnType<typeof fakeSession>, over: Partial<MonitorOptions> = {}) {
  return apiChecked(
    createMonitor({
      session: fake.port,
      pollMs: 1000,
      staleAfterMs: 3000,
      logger: pino({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      ...over,
    }),
  );
}

describe('monitor health (fake clock)', () => {
  beforeEach(() => vi.useFakeTimers({ now: START }));
  afterEach(() => vi.useRealTimers());

  it('connecting → ok → waiting → stale → error → ok, each change a patch, data kept', async () => {
    const fake = fakeSession();
    const monitor = monitorOver(fake);
    const { patches } = monitor;
    expect(monitor.health().status).toBe('connecting');
    monitor.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(monitor.health().status).toBe('ok');
    expect(monitor.snapshot().agents).toHaveLength(2);
    expect(monitor.snapshot().queues.find((q) => q.skillId === 1)?.name).toBe('Voice');

    // Quiet floor: polls keep coming, no patch at all.
    const settled = patches.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(patches.length).toBe(settled);

    // The gateway stops answering: waiting once a poll is an interval late, stale once the
    // data is older than staleAfterMs.
    fake.setMode('hang');
    await vi.advanceTimersByTimeAsync(1000);
    expect(monitor.health().status).toBe('ok');
    await vi.advanceTimersByTimeAsync(1250); // the health check runs every quarter interval
    expect(monitor.health()).toMatchObject({ status: 'waiting', error: { code: 'WAITING' } });
    expect(patches.at(-1)).toMatchObject({ gateway: { status: 'waiting' }, agents: [] });
    await vi.advanceTimersByTimeAsync(2250);
    expect(monitor.health()).toMatchObject({ status: 'stale', error: { code: 'STALE' } });
    expect(patches.at(-1)).toMatchObject({ gateway: { status: 'stale' }, agents: [], queues: [] });
    expect(monitor.snapshot().agents).toHaveLength(2);

    fake.setMode('fatal');
    await vi.advanceTimersByTimeAsync(10);
    expect(monitor.health()).toMatchObject({
      status: 'error',
      error: { code: '300-001', fatal: true },
    });
    expect(patches.at(-1)!.gateway.status).toBe('error');
    expect(monitor.snapshot().agents).toHaveLength(2);

    fake.setMode('ok');
    await vi.advanceTimersByTimeAsync(10_000); // the hung call times out, the next poll lands
    expect(monitor.health()).toMatchObject({ status: 'ok', error: null });
    expect(patches.at(-1)!.gateway.status).toBe('ok');
    const versions = patches.map((p) => p.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const statuses = patches.map((p) => p.gateway.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual([
      'ok',
      'waiting',
      'stale',
      'error',
      'stale', // the call hung since before the right came back times out
      'ok',
    ]);
    expect(monitor.violations).toEqual([]);
    const stopping = monitor.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
  });

  it('a hung gateway shows as waiting within two intervals, and stale only at the stale limit', async () => {
    const fake = fakeSession();
    const monitor = monitorOver(fake, { pollMs: 1000, staleAfterMs: 6000 });
    monitor.start();
    await vi.advanceTimersByTimeAsync(3010);
    expect(monitor.health().status).toBe('ok');
    fake.setMode('hang');
    const lastSuccess = monitor.health().lastSuccessAt!;
    const statusAt = async (sinceLastSuccess: number) => {
      await vi.advanceTimersByTimeAsync(lastSuccess + sinceLastSuccess - Date.now());
      return monitor.health().status;
    };
    expect(await statusAt(1900)).toBe('ok');
    // Two intervals without an answer (the health check runs every quarter interval).
    expect(await statusAt(2250)).toBe('waiting');
    expect(monitor.patches.at(-1)).toMatchObject({
      gateway: { status: 'waiting', lastSuccessAt: lastSuccess, error: { code: 'WAITING' } },
    });
    expect(monitor.snapshot().agents).toHaveLength(2);
    expect(await statusAt(5900)).toBe('waiting');
    expect(await statusAt(6250)).toBe('stale');
    expect(monitor.health().error).toMatchObject({ code: 'STALE' });
    fake.setMode('ok');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(monitor.health().status).toBe('ok');
    expect(monitor.violations).toEqual([]);
    const stopping = monitor.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
  });

  it('a wrongly shaped answer marks the data stale at once and keeps it', async () => {
    const fake = fakeSession();
    const metrics = createMetrics({ defaultMetrics: false });
    const monitor = monitorOver(fake, { staleAfterMs: 30_000, metrics });
    monitor.start();
    await vi.advanceTimersByTimeAsync(10);
    const before = monitor.snapshot();
    fake.setMode('bad');
    await vi.advanceTimersByTimeAsync(1000);
    expect(monitor.health()).toMatchObject({ status: 'stale', error: { code: 'INVALID_ANSWER' } });
    // The very same objects: nothing was re-built or blanked.
    const after = monitor.snapshot().agents;
    expect(after.length).toBe(before.agents.length);
    after.forEach((a, i) => expect(a).toBe(before.agents[i]));
    const invalid = await metrics.invalidAnswers.get();
    expect(
      invalid.values.find((v) => v.labels.route === 'queryAllOnlineAgents')?.value,
    ).toBeGreaterThan(0);
    fake.setMode('ok');
    await vi.advanceTimersByTimeAsync(1000);
    expect(monitor.health().status).toBe('ok');
    const stopping = monitor.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
  });
});
