import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics';
import {
  captureLogger,
  control,
  counters,
  metricValue,
  openSession,
  PASSWORD,
  startSim,
  waitFor,
  type Sim,
} from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function sim(opts: Parameters<typeof startSim>[0] = {}): Promise<Sim> {
  const s = await startSim(opts);
  cleanup.push(() => s.close());
  return s;
}

describe('gateway session against the simulator', () => {
  it('signs in, keeps the long poll going and follows Guid rotation', async () => {
    // A Guid lives 3 s (it was 0.9 s: a pause of a slow CI machine ended the session). Rotation
    // is still checked by the Guid the session holds.
    const gw = await sim({ guidIntervalMs: 300, guidTimeoutMs: 3000, pollHoldMs: 100 });
    const log = captureLogger();
    const metrics = createMetrics({ defaultMetrics: false });
    const session = openSession(gw, cleanup, { logger: log.logger, metrics });
    await session.start();
    expect(session.status()).toMatchObject({ state: 'signed-in', agentId: '101', error: null });
    expect(await metricValue(metrics, 'sessionState', { state: 'signed-in' })).toBe(1);
    expect(await metricValue(metrics, 'sessionState', { state: 'signing-in' })).toBe(0);
    expect(await metricValue(metrics, 'signIns', { kind: 'login', retcode: '0' })).toBe(1);
    const first = session.currentGuid();
    expect(first).toMatch(/AgentGateway/);

    // Several rotations: the session must always hold the newest Guid and data calls succeed.
    await waitFor(async () => (await counters(gw)).guidsIssued.length >= 5, {
      timeoutMs: 8000,
      what: 'rotations',
    });
    const c = await counters(gw);
    const current = c.sessions.find((s) => s.workno === '101');
    await waitFor(
      () =>
        session.currentGuid() === current?.guid ||
        (session.currentGuid() !== first && session.currentGuid()),
      {
        what: 'newest guid',
      },
    );
    expect(session.currentGuid()).not.toBe(first);
    const ans = await session.call({
      route: 'queryAllOnlineAgents',
      caller: 'agents',
    });
    expect(ans.retcode).toBe('0');
    expect(
      await metricValue(metrics, 'upstreamRequests', {
        route: 'queryAllOnlineAgents',
        retcode: '0',
      }),
    ).toBe(1);
    expect(
      await metricValue(metrics, 'upstreamRequests', { route: 'getAgentEvent', retcode: '0' }),
    ).toBeGreaterThan(3);
    // Never two polls at a time: the simulator answers an overlapping poll with 000-007.
    expect((await counters(gw)).rejected).toMatchObject({ rateLimited: 0, other: 0, auth: 0 });

    // The Guid itself never reaches the log.
    const text = log.text();
    for (const g of (await counters(gw)).guidsIssued) expect(text).not.toContain(g.split('.')[0]);
    expect(text).not.toContain(PASSWORD);
  });

  it('logs what the gateway sends clipped: a 400-character retcode never reaches the log whole', async () => {
    const gw = await sim();
    const log = captureLogger();
    const long = `R${'7'.repeat(399)}`;
    await control(gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: long,
      route: 'getAgentEvent',
      times: 1,
    });
    await control(gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: long,
      route: 'queryAllOnlineAgents',
      times: 1,
    });
    const session = openSession(gw, cleanup, { logger: log.logger });
    await session.start();
    const ans = await session.call({ route: 'queryAllOnlineAgents', caller: 'agents' });
    expect(ans.retcode).toBe(`${long.slice(0, 120)}… (400 chars)`);
    await waitFor(() => log.text().includes('event poll refused'), { what: 'the warning' });
    expect(log.text()).toContain(`${long.slice(0, 120)}… (400 chars)`);
    expect(log.text()).not.toContain(long.slice(0, 121));
  });

  it('signs in again after the gateway expired the session', async () => {
    const gw = await sim();
    const session = openSession(gw, cleanup);
    await session.start();
    const before = session.currentGuid();
    await control(gw, 'POST', '/sessions/expire');
    await waitFor(() => session.status().state !== 'signed-in', { what: 'loss noticed' });
    await waitFor(
      () => session.status().state === 'signed-in' && session.currentGuid() !== before,
      {
        what: 're-sign-in',
      },
    );
    const c = await counters(gw);
    expect(c.sessions.find((s) => s.workno === '101')?.signedIn).toBe(true);
    expect(c.routes.login).toBeGreaterThanOrEqual(2);
  });

  it('assumes the session dead after deadAfterMs without a successful call', async () => {
    const gw = await sim();
    const session = openSession(gw, cleanup, { deadAfterMs: 800, pollTimeoutMs: 10_000 });
    await session.start();
    const first = session.currentGuid();
    // The keep-alive hangs: no answer, no error, just silence.
    await control(gw, 'POST', '/faults', { kind: 'hang', route: 'getAgentEvent', times: 1 });
    await waitFor(() => session.status().state === 'signed-in' && session.currentGuid() !== first, {
      what: 're-sign-in after silence',
    });
    // The silent session was still open on the gateway: the way back in was a forced sign-in.
    expect((await counters(gw)).routes.forceLogin).toBe(1);
  });

  it('notices AgentOther_ShutdownService for its own work number', async () => {
    const gw = await sim({ pollHoldMs: 2000 });
    const session = openSession(gw, cleanup);
    await session.start();
    await waitFor(async () => (await counters(gw)).sessions.some((s) => s.pollWaiting), {
      what: 'a held poll',
    });
    const states: string[] = [];
    const codes: string[] = [];
    session.onStatusChange((s) => {
      states.push(s.state);
      if (s.error) codes.push(s.error.code);
    });
    // Someone else takes the account over: our held poll gets ShutdownService.
    await fetch(`${gw.url}/agentgateway/resource/onlineagent/101/forcelogin`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD, phonenum: '70101' }),
    });
    await waitFor(() => states.includes('backing-off') || states.includes('signing-in'), {
      what: 'loss noticed',
    });
    expect(codes).toContain('SHUTDOWN');
  });

  it('forces the sign-in over a session left behind (a BFF restart)', async () => {
    const gw = await sim();
    // The "previous process": signed in and never signed out.
    const res = await fetch(`${gw.url}/agentgateway/resource/onlineagent/101`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD, phonenum: '70101', status: 4 }),
    });
    expect(((await res.json()) as { retcode: string }).retcode).toBe('0');
    const metrics = createMetrics({ defaultMetrics: false });
    const session = openSession(gw, cleanup, { metrics });
    await session.start();
    expect(session.status().state).toBe('signed-in');
    expect(await metricValue(metrics, 'signIns', { kind: 'login', retcode: '100-002' })).toBe(1);
    expect(await metricValue(metrics, 'signIns', { kind: 'forcelogin', retcode: '0' })).toBe(1);
  });

  it('without forceLogin waits for the other session to end instead of taking it over', async () => {
    const gw = await sim();
    const res = await fetch(`${gw.url}/agentgateway/resource/onlineagent/101`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD, phonenum: '70101', status: 4 }),
    });
    const other = (res.headers.get('set-guid') ?? '').replace('JSESSIONID=', '');
    const session = openSession(gw, cleanup, { forceLogin: false });
    await session.start();
    expect(session.status()).toMatchObject({
      state: 'backing-off',
      error: { code: '100-002', fatal: false, category: 'already-signed-in' },
    });
    await fetch(`${gw.url}/agentgateway/resource/onlineagent/101/logout`, {
      method: 'DELETE',
      headers: { guid: other },
    });
    await waitFor(() => session.status().state === 'signed-in', { what: 'sign-in once free' });
    expect((await counters(gw)).routes.forceLogin ?? 0).toBe(0);
  });

  it('a second session object (restart without sign-out) takes over with forcelogin', async () => {
    const gw = await sim();
    // The "old process": its re-sign-in is far away, as if it had died.
    const a = openSession(gw, cleanup, { backoff: { initialMs: 30_000, maxMs: 60_000 } });
    await a.start();
    const metrics = createMetrics({ defaultMetrics: false });
    const b = openSession(gw, cleanup, { metrics });
    await b.start();
    expect(b.status().state).toBe('signed-in');
    expect(await metricValue(metrics, 'signIns', { kind: 'login', retcode: '100-002' })).toBe(1);
    expect(await metricValue(metrics, 'signIns', { kind: 'forcelogin', retcode: '0' })).toBe(1);
    // The old one learns it was forced out (ShutdownService on a held poll, or its Guid refused
    // on the next one) and holds no Guid.
    await waitFor(() => a.status().state === 'backing-off', { what: 'old session noticed' });
    expect(['SHUTDOWN', '000-003', '100-006']).toContain(a.status().error?.code);
    expect(a.currentGuid()).toBeNull();
    await a.stop();
    const ans = await b.call({
      route: 'queryAllOnlineAgents',
      caller: 'agents',
    });
    expect(ans.retcode).toBe('0');
  });

  it('signs in without a phone through loginex', async () => {
    const gw = await sim();
    const session = openSession(gw, cleanup, { phone: undefined });
    await session.start();
    expect(session.status().state).toBe('signed-in');
    expect((await counters(gw)).routes.loginEx).toBe(1);
  });

  it('signs out on stop', async () => {
    const gw = await sim();
    const session = openSession(gw, cleanup);
    await session.start();
    await session.stop();
    expect(session.status().state).toBe('signed-out');
    const c = await counters(gw);
    expect(c.routes.logout).toBe(1);
    expect(c.sessions.find((s) => s.workno === '101')?.signedIn).toBe(false);
    await expect(
      session.call({
        route: 'queryAllOnlineAgents',
        caller: 'agents',
      }),
    ).rejects.toMatchObject({ code: 'STOPPED' });
  });
});

describe('fatal answers', () => {
  const cases: Array<{
    name: string;
    account: Record<string, unknown>;
    retcode: string;
    password?: string;
    preSignIn?: boolean;
  }> = [
    { name: 'wrong password', account: {}, retcode: '100-004', password: 'wrong' },
    { name: 'account locked', account: { locked: true }, retcode: '110-016' },
    { name: 'password expired', account: { passwordExpired: true }, retcode: '100-020' },
    {
      name: 'no forced sign-in allowed',
      account: { forceLoginAllowed: false },
      retcode: '100-015',
      preSignIn: true,
    },
  ];
  for (const c of cases) {
    it(`${c.retcode} (${c.name}) → fatal, retried only slowly`, async () => {
      const gw = await sim();
      await control(gw, 'PUT', '/accounts/101', c.account);
      if (c.preSignIn) {
        await fetch(`${gw.url}/agentgateway/resource/onlineagent/101`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: PASSWORD, phonenum: '70101' }),
        });
      }
      const session = openSession(gw, cleanup, {
        fatalRetryMs: 400,
        ...(c.password ? { password: c.password } : {}),
      });
      await session.start();
      const st = session.status();
      expect(st.state).toBe('fatal');
      expect(st.error).toMatchObject({ code: c.retcode, fatal: true });
      const attempts = (r: Record<string, number>) => (r.login ?? 0) + (r.forceLogin ?? 0);
      const first = attempts((await counters(gw)).routes);
      const seen: string[] = [];
      session.onStatusChange((s) => seen.push(s.state));
      // Slow retry: one more attempt after fatalRetryMs, not a burst.
      await waitFor(async () => attempts((await counters(gw)).routes) > first, {
        what: 'slow retry',
      });
      expect(attempts((await counters(gw)).routes)).toBeLessThanOrEqual(first * 2 + 2);
      // The retry does not flicker the state: screens keep showing the cause.
      expect(seen.filter((st) => st !== 'fatal')).toEqual([]);
      // The operator fixes the account: the next slow retry signs in.
      await control(gw, 'PUT', '/accounts/101', {
        locked: false,
        passwordExpired: false,
        forceLoginAllowed: true,
        ...(c.password ? { password: c.password } : {}),
      });
      await waitFor(() => session.status().state === 'signed-in', { what: 'recovery' });
      expect(session.status().error).toBeNull();
    });
  }

  it('a right missing for one query only: success elsewhere neither clears nor unthrottles it', async () => {
    const gw = await sim();
    await control(gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: '300-001',
      route: 'queryAllOnlineAgents',
    });
    const session = openSession(gw, cleanup, { noRightProbeMs: 60_000 });
    await session.start();
    const agents = {
      route: 'queryAllOnlineAgents',
      caller: 'agents',
    } as const;
    const skills = {
      route: 'querySkillQueueOnAgentVDN',
      caller: 'skills',
    } as const;
    expect((await session.call(agents)).retcode).toBe('300-001');
    expect((await session.call(skills)).retcode).toBe('0');
    expect(session.status()).toMatchObject({ state: 'fatal', error: { code: '300-001' } });
    await expect(session.call(agents)).rejects.toMatchObject({ code: 'FATAL' });
    expect((await counters(gw)).routes.queryAllOnlineAgents).toBe(1);
  });

  it('a refused skill-name query is throttled but does not make the session fatal', async () => {
    const gw = await sim();
    await control(gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: '300-001',
      route: 'querySkillQueueOnAgentVDN',
    });
    const session = openSession(gw, cleanup, { noRightProbeMs: 60_000 });
    await session.start();
    const skills = {
      route: 'querySkillQueueOnAgentVDN',
      caller: 'skills',
    } as const;
    expect((await session.call(skills)).retcode).toBe('300-001');
    expect(session.status()).toMatchObject({ state: 'signed-in', error: null });
    await expect(session.call(skills)).rejects.toMatchObject({ code: 'FATAL' });
    expect((await counters(gw)).routes.querySkillQueueOnAgentVDN).toBe(1);
  });

  it('300-001 on a data query → fatal with the session kept, one probe per noRightProbeMs', async () => {
    const gw = await sim();
    await control(gw, 'PUT', '/accounts/101', { canQuery: false });
    const session = openSession(gw, cleanup, { noRightProbeMs: 500, fatalRetryMs: 300_000 });
    await session.start();
    const req = {
      route: 'queryAllOnlineAgents',
      caller: 'agents',
    } as const;
    const ans = await session.call(req);
    expect(ans.retcode).toBe('300-001');
    expect(session.status()).toMatchObject({
      state: 'fatal',
      error: { code: '300-001', fatal: true, category: 'no-right' },
    });
    await expect(session.call(req)).rejects.toMatchObject({ code: 'FATAL' });
    await control(gw, 'PUT', '/accounts/101', { canQuery: true });
    const ok = await waitFor(
      async () => {
        try {
          return (await session.call(req)).retcode === '0';
        } catch {
          return false;
        }
      },
      { what: 'probe succeeds', intervalMs: 50 },
    );
    expect(ok).toBe(true);
    expect(session.status()).toMatchObject({ state: 'signed-in', error: null });
    expect((await counters(gw)).routes.queryAllOnlineAgents).toBe(2);
  });
});

describe('TLS', () => {
  it('trusts the gateway through the configured CA, and refuses it without', async () => {
    const gw = await sim({ https: true });
    expect(gw.url.startsWith('https://')).toBe(true);
    const trusted = openSession(gw, cleanup, { ca: gw.ca ?? undefined });
    await trusted.start();
    expect(trusted.status().state).toBe('signed-in');
    await trusted.stop();

    const untrusted = openSession(gw, cleanup, { agentId: '102', phone: '70102' });
    await untrusted.start();
    expect(untrusted.status()).toMatchObject({ state: 'backing-off', error: { code: 'NETWORK' } });
    await untrusted.stop();

    // Only the explicit switch turns certificate checks off.
    const insecure = openSession(gw, cleanup, {
      agentId: '103',
      phone: '70103',
      insecureTls: true,
    });
    await insecure.start();
    expect(insecure.status().state).toBe('signed-in');
  });
});
