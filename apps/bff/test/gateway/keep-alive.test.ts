import type { GatewayError } from '@floorwatch/contracts/api';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAlive, type KeepAlive } from '../../src/gateway/keep-alive';
import { signInBody } from '../../src/gateway/sign-in';
import {
  control,
  counters,
  parts,
  PASSWORD,
  startSim,
  waitFor,
  type Sim,
  type SimulatorOptions,
} from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function rig(simOpts: SimulatorOptions = {}) {
  const gw: Sim = await startSim(simOpts);
  cleanup.push(() => gw.close());
  const p = parts(gw, cleanup);
  const res = await p.exchange({
    route: 'login',
    body: signInBody(PASSWORD, '70101'),
    guid: null,
    timeoutMs: 5000,
  });
  const first = res.ans.setGuid ?? '';
  p.guids.begin(first);
  const state = {
    active: true,
    successes: 0,
    lost: [] as Array<{ error: GatewayError; why: string }>,
  };
  const keepAlive: KeepAlive = createKeepAlive({
    exchange: p.exchange,
    budget: p.budget,
    guids: p.guids,
    logger: p.log.logger,
    agentId: '101',
    pollTimeoutMs: 5000,
    backoff: { initialMs: 50, maxMs: 200 },
    now: Date.now,
    active: () => state.active,
    onSuccess: () => state.successes++,
    onLost: (gen, error, why) => {
      if (gen !== p.guids.generation()) return;
      state.active = false;
      state.lost.push({ error, why });
    },
  });
  cleanup.push(() => {
    state.active = false;
    keepAlive.stop();
    return Promise.resolve();
  });
  return { gw, ...p, state, keepAlive, first };
}

describe('keep-alive (the event long poll)', () => {
  it('keeps one poll on the wire and follows the Guid the answers carry', async () => {
    const r = await rig({ guidIntervalMs: 300, guidTimeoutMs: 900, pollHoldMs: 100 });
    r.keepAlive.start();
    r.keepAlive.start(); // a second start does not start a second loop
    await waitFor(async () => (await counters(r.gw)).guidsIssued.length >= 4, {
      timeoutMs: 8000,
      what: 'rotations',
    });
    await waitFor(() => r.guids.current() !== r.first, { what: 'a rotated Guid taken' });
    const c = await counters(r.gw);
    expect(r.state.successes).toBeGreaterThan(2);
    // A second poll while one waits would have been refused (000-007).
    expect(c.rejected).toMatchObject({ rateLimited: 0, other: 0, auth: 0 });
    expect(r.state.lost).toEqual([]);
  });

  it('reports the session lost when the gateway expired it', async () => {
    const r = await rig();
    r.keepAlive.start();
    await waitFor(() => r.state.successes > 0, { what: 'first poll' });
    await control(r.gw, 'POST', '/sessions/expire');
    await waitFor(() => r.state.lost.length > 0, { what: 'loss noticed' });
    expect(['100-006', '000-003']).toContain(r.state.lost[0]?.error.code);
    expect(r.state.lost[0]?.error.category).toMatch(/session-lost|guid-expired/);
  });

  it('notices AgentOther_ShutdownService for its own work number', async () => {
    const r = await rig({ pollHoldMs: 2000 });
    r.keepAlive.start();
    await waitFor(async () => (await counters(r.gw)).sessions.some((s) => s.pollWaiting), {
      what: 'a held poll',
    });
    await fetch(`${r.gw.url}/agentgateway/resource/onlineagent/101/forcelogin`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD, phonenum: '70101' }),
    });
    await waitFor(() => r.state.lost.length > 0, { what: 'loss noticed' });
    expect(r.state.lost[0]).toMatchObject({
      error: { code: 'SHUTDOWN', category: 'session-lost' },
      why: 'AgentOther_ShutdownService',
    });
  });

  it('logs a refused poll with the gateway retcode clipped to 120 characters', async () => {
    const r = await rig();
    const long = `R${'7'.repeat(399)}`;
    await control(r.gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: long,
      route: 'getAgentEvent',
      times: 1,
    });
    r.keepAlive.start();
    await waitFor(() => r.log.text().includes('event poll refused'), { what: 'the warning' });
    await waitFor(() => r.state.successes > 0, { what: 'polling again after the back-off' });
    const line =
      r.log
        .text()
        .split('\n')
        .find((l) => l.includes('event poll refused')) ?? '';
    expect(line).toContain(`${long.slice(0, 120)}… (400 chars)`);
    expect(r.log.text()).not.toContain(long.slice(0, 121));
  });
});
