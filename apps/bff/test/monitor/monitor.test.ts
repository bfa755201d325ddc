import { describe, expect, it } from 'vitest';
import { control, counters, metricValue, waitFor } from '../gateway/support';
import { onAgentsCall, ready, useRig } from './rig';

const rig = useRig();

describe('monitor against the simulator (seed scenario)', { timeout: 15_000 }, () => {
  it('normalises the documented floor: one 2007 in skills 1 and 2, 2005 voice only in skill 1', async () => {
    const r = await rig();
    await ready(r);
    await waitFor(() => r.monitor.snapshot().queues.every((q) => q.waiting !== null), {
      what: 'queue depth',
    });
    const snap = r.monitor.snapshot();
    expect(snap.agents.filter((a) => a.workno === '2007')).toHaveLength(1);
    const a2007 = snap.agents.find((a) => a.workno === '2007')!;
    expect(a2007).toMatchObject({
      skills: [1, 2],
      media: { voice: true, chat: true, email: false },
      state: 'idle',
      vdnId: 214,
    });
    const a2005 = snap.agents.find((a) => a.workno === '2005')!;
    expect(a2005).toMatchObject({
      skills: [1],
      media: { voice: true, chat: false, email: false },
      name: 'liukai011',
    });
    expect(a2005.loginAt).toBe(1616510142000);
    expect(Math.abs(a2005.stateSince - (Date.now() - 527_000))).toBeLessThan(5000);
    const [q1, q2] = snap.queues;
    expect(q1).toMatchObject({
      skillId: 1,
      name: 'voice_liukai',
      mediaType: 5,
      agents: ['2005', '2007'],
      waiting: 0,
    });
    expect(q1!.counts).toEqual({
      idle: 2,
      talking: 0,
      wrapup: 0,
      busy: 0,
      rest: 0,
      prerest: 0,
      signedout: 0,
      unknown: 0,
    });
    expect(q2).toMatchObject({
      skillId: 2,
      name: 'chat_jinsitao',
      mediaType: 53,
      agents: ['2007'],
    });
    expect(snap.gateway).toMatchObject({ status: 'ok', error: null });
  });

  it('patches only the agent that changed (and its queues), restarting stateSince; nothing when idle', async () => {
    const r = await rig();
    await ready(r);
    await waitFor(() => r.monitor.snapshot().queues.every((q) => q.waiting !== null), {
      what: 'queue depth',
    });
    // Settled: several more polls bring no patch at all.
    const settled = r.monitor.snapshot().version;
    r.patches.length = 0;
    const base = (await counters(r.gw)).routes.queryAllOnlineAgents ?? 0;
    await waitFor(
      async () => ((await counters(r.gw)).routes.queryAllOnlineAgents ?? 0) >= base + 5,
      {
        what: 'five more polls',
      },
    );
    expect(r.patches).toEqual([]);
    expect(r.monitor.snapshot().version).toBe(settled);

    const before = Date.now();
    await control(r.gw, 'POST', '/agents/2005/state', { status: 7 });
    const patch = await waitFor(() => r.patches.find((p) => p.agents.length > 0), {
      what: 'state patch',
    });
    // queryacdstat may tell the queue's new available-agent count first, in a patch of its own.
    const earlier = r.patches.indexOf(patch);
    for (const p of r.patches.slice(0, earlier))
      expect(p).toMatchObject({ agents: [], removedAgents: [], removedQueues: [] });
    expect(patch.agents.map((a) => a.workno)).toEqual(['2005']);
    expect(patch.agents[0]).toMatchObject({ state: 'talking', status: 7 });
    expect(patch.agents[0]!.stateSince).toBeGreaterThanOrEqual(before - 1500);
    expect(patch.queues.map((q) => q.skillId)).toEqual([1]);
    expect(patch.queues[0]!.counts).toMatchObject({ idle: 1, talking: 1 });
    expect(patch).toMatchObject({
      baseVersion: settled + earlier,
      version: settled + earlier + 1,
      removedAgents: [],
      removedQueues: [],
    });
  });

  it('removes an agent that signed out, and keeps per-queue history', async () => {
    const r = await rig({ monitor: { historyStepSec: 1 } });
    await ready(r);
    const withIdle = async (idle: number) =>
      (
        await r.monitor.history({ from: Date.now() - 60_000, to: Date.now(), skillIds: [1] })
      ).queues[0]!.points.filter((p) => p.counts.idle === idle).length;
    // Two steps, because the last value of a step wins and the sign-out may land in the current one.
    await waitFor(async () => (await withIdle(2)) >= 2, {
      what: 'history points with both agents',
    });
    r.patches.length = 0;
    await control(r.gw, 'POST', '/agents/2005/signout');
    const patch = await waitFor(() => r.patches.find((p) => p.removedAgents.length > 0), {
      what: 'removal patch',
    });
    expect(patch.removedAgents).toEqual(['2005']);
    expect(patch.queues.find((q) => q.skillId === 1)?.agents).toEqual(['2007']);
    expect(r.monitor.snapshot().agents.map((a) => a.workno)).toEqual(['2007']);
    const now = Date.now();
    const h = await r.monitor.history({ from: now - 60_000, to: now, skillIds: [1] });
    expect(h.stepSec).toBe(1);
    const points = h.queues[0]!.points;
    expect(points.length).toBeGreaterThan(0);
    expect(points.at(-1)!.counts.idle).toBe(1);
    expect(await withIdle(2)).toBeGreaterThan(0);
  });

  it('turns stale while a slow poll is still pending, and ok when it lands', async () => {
    const r = await rig({ session: { requestTimeoutMs: 5000 }, monitor: { staleAfterMs: 800 } });
    await ready(r);
    await control(r.gw, 'POST', '/faults', {
      kind: 'delay',
      route: 'queryAllOnlineAgents',
      ms: 1500,
      times: 1,
    });
    await waitFor(() => r.monitor.health().status === 'stale', { what: 'stale by age' });
    expect(r.monitor.health().error).toMatchObject({ code: 'STALE' });
    await waitFor(() => r.monitor.health().status === 'ok', { what: 'ok again' });
  });

  it('never overlaps allonlineagents even when one takes longer than pollMs', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const r = await rig({
      wrap: (s) =>
        onAgentsCall(s, async (call) => {
          calls++;
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            return await call();
          } finally {
            inFlight--;
          }
        }),
    });
    await ready(r);
    await control(r.gw, 'POST', '/faults', {
      kind: 'delay',
      route: 'queryAllOnlineAgents',
      ms: 700,
      times: 3,
    });
    const start = calls;
    await waitFor(() => calls >= start + 5, { timeoutMs: 8000, what: 'polls through the delay' });
    expect(maxInFlight).toBe(1);
    expect((await counters(r.gw)).rejected.rateLimited).toBe(0);
  });
});

describe('monitor keeps the last good data through faults', { timeout: 15_000 }, () => {
  const faults = [
    { kind: 'malformed-json', code: 'NOT_JSON', invalid: true },
    { kind: 'wrong-shape', code: 'INVALID_ANSWER', invalid: true },
    { kind: 'http-error', status: 503, code: 'HTTP_503', invalid: false },
    { kind: 'hang', code: 'TIMEOUT', invalid: false },
    { kind: 'drop', code: 'NETWORK', invalid: false },
    { kind: 'retcode', retcode: '100-007', code: '100-007', invalid: true },
  ] as const;
  for (const f of faults) {
    it(`${f.kind}: stale with the error, same data, then ok again`, async () => {
      const r = await rig({ session: { requestTimeoutMs: 400 } });
      await ready(r);
      const good = r.monitor.snapshot();
      r.patches.length = 0;
      const { kind, ...rest } = f;
      await control(r.gw, 'POST', '/faults', {
        kind,
        route: 'queryAllOnlineAgents',
        ...('status' in rest ? { status: rest.status } : {}),
        ...('retcode' in rest ? { retcode: rest.retcode } : {}),
      });
      await waitFor(() => r.monitor.health().status === 'stale', { what: 'stale' });
      const h = r.monitor.health();
      expect(h.error).toMatchObject({ code: f.code, fatal: false });
      expect(h.lastSuccessAt).not.toBeNull();
      const during = r.monitor.snapshot();
      expect(during.agents).toEqual(good.agents);
      expect(during.queues.map((q) => q.agents)).toEqual(good.queues.map((q) => q.agents));
      // Screens learn about it through a (data-less) patch.
      await waitFor(() => r.patches.find((p) => p.gateway.status === 'stale'), {
        what: 'stale patch',
      });
      if (f.invalid) {
        expect(
          await metricValue(r.metrics, 'invalidAnswers', { route: 'queryAllOnlineAgents' }),
        ).toBeGreaterThan(0);
      }
      await control(r.gw, 'DELETE', '/faults');
      await waitFor(() => r.monitor.health().status === 'ok', { what: 'recovery' });
      expect(r.monitor.health().error).toBeNull();
      await waitFor(() => r.patches.find((p) => p.gateway.status === 'ok'), { what: 'ok patch' });
    });
  }

  it('300-001 drives health to error (fatal) and recovers once the right is granted', async () => {
    const r = await rig({ session: { fatalRetryMs: 600 } });
    await ready(r);
    await control(r.gw, 'PUT', '/accounts/101', { canQuery: false });
    await waitFor(() => r.monitor.health().status === 'error', { what: 'error' });
    expect(r.monitor.health().error).toMatchObject({ code: '300-001', fatal: true });
    expect(r.monitor.snapshot().agents).toHaveLength(2);
    const c1 = (await counters(r.gw)).routes.queryAllOnlineAgents ?? 0;
    await control(r.gw, 'PUT', '/accounts/101', { canQuery: true });
    await waitFor(() => r.monitor.health().status === 'ok', { what: 'recovery' });
    // Slow retry meant at most a couple of refused queries, not one per 200 ms.
    expect(((await counters(r.gw)).routes.queryAllOnlineAgents ?? 0) - c1).toBeLessThan(8);
  });

  it('a lost session shows as stale and comes back after the re-sign-in', async () => {
    const r = await rig();
    await ready(r);
    await control(r.gw, 'POST', '/sessions/expire');
    await waitFor(() => r.monitor.health().status === 'stale', { what: 'stale' });
    await waitFor(() => r.monitor.health().status === 'ok', { what: 'ok again' });
    expect(r.monitor.snapshot().agents).toHaveLength(2);
  });

  it('never writes the Guid to the log', async () => {
    const r = await rig({ sim: { guidIntervalMs: 200 } });
    await ready(r);
    await control(r.gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: '000-003',
      route: 'queryAllOnlineAgents',
      times: 1,
    });
    await waitFor(async () => (await counters(r.gw)).guidsIssued.length >= 4, { what: 'guids' });
    await waitFor(() => r.monitor.health().status === 'ok', { what: 'ok' });
    const text = r.log.text();
    expect(text.length).toBeGreaterThan(0);
    for (const g of (await counters(r.gw)).guidsIssued) {
      expect(text).not.toContain(g);
      expect(text).not.toContain(g.split('.')[0]);
    }
  });
});
