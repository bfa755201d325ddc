import { afterEach, describe, expect, it } from 'vitest';
import { GATEWAY_ROUTES } from '@floorwatch/contracts/gateway';
import { signInBody } from '../../src/gateway/sign-in';
import { control, counters, metricValue, parts, PASSWORD, startSim, type Sim } from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function sim(): Promise<Sim> {
  const s = await startSim();
  cleanup.push(() => s.close());
  return s;
}

describe('exchange (one upstream call by route name)', () => {
  it('sends each route to the path and method of the route table, counted under its log name', async () => {
    const gw = await sim();
    const p = parts(gw, cleanup);
    const signIn = await p.exchange({
      route: 'login',
      body: signInBody(PASSWORD, '70101'),
      guid: null,
      timeoutMs: 5000,
    });
    expect(signIn.retcode).toBe('0');
    const guid = signIn.ans.setGuid;
    expect(guid).toMatch(/AgentGateway/);
    // A sign-in's own Set-GUID is the sign-in's business, not a rotation.
    expect(p.guids.current()).toBeNull();
    p.guids.begin(guid ?? '');
    for (const route of ['getAgentEvent', 'queryAllOnlineAgents', 'updateGuid'] as const) {
      const res = await p.exchange({ route, guid: p.guids.current(), timeoutMs: 5000 });
      expect(res.retcode, route).toBe('0');
    }
    const acd = await p.exchange({
      route: 'queryQueueLengthBySkillId',
      params: { skillId: 1 },
      guid: p.guids.current(),
      timeoutMs: 5000,
    });
    expect(acd.retcode).toBe('0');
    const c = await counters(gw);
    for (const name of ['login', 'getAgentEvent', 'queryAllOnlineAgents', 'updateGuid'] as const)
      expect(c.routes[GATEWAY_ROUTES[name].logName], name).toBe(1);
    expect(c.routes.queryQueueLengthBySkillId).toBe(1);
    expect(
      await metricValue(p.metrics, 'upstreamRequests', {
        route: 'queryAllOnlineAgents',
        retcode: '0',
      }),
    ).toBe(1);
    const out = await p.exchange({ route: 'logout', guid: p.guids.current(), timeoutMs: 5000 });
    expect(out.retcode).toBe('0');
  });

  it('hands on a 400-character retcode clipped, so nothing downstream logs it whole', async () => {
    const gw = await sim();
    const p = parts(gw, cleanup);
    const signIn = await p.exchange({
      route: 'login',
      body: signInBody(PASSWORD, '70101'),
      guid: null,
      timeoutMs: 5000,
    });
    p.guids.begin(signIn.ans.setGuid ?? '');
    const long = `9${'0'.repeat(399)}`;
    await control(gw, 'POST', '/faults', {
      kind: 'retcode',
      retcode: long,
      route: 'queryAllOnlineAgents',
      times: 1,
    });
    const res = await p.exchange({
      route: 'queryAllOnlineAgents',
      guid: p.guids.current(),
      timeoutMs: 5000,
    });
    expect(res.retcode).toBe(`${long.slice(0, 120)}… (400 chars)`);
    expect(res.message.length).toBeLessThanOrEqual(140);
  });

  it('turns an HTTP error into a GatewayCallError counted under its status', async () => {
    const gw = await sim();
    const p = parts(gw, cleanup);
    const signIn = await p.exchange({
      route: 'login',
      body: signInBody(PASSWORD, '70101'),
      guid: null,
      timeoutMs: 5000,
    });
    p.guids.begin(signIn.ans.setGuid ?? '');
    await control(gw, 'POST', '/faults', {
      kind: 'http-error',
      status: 503,
      route: 'queryAllOnlineAgents',
      times: 1,
    });
    await expect(
      p.exchange({ route: 'queryAllOnlineAgents', guid: p.guids.current(), timeoutMs: 5000 }),
    ).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(
      await metricValue(p.metrics, 'upstreamRequests', {
        route: 'queryAllOnlineAgents',
        retcode: 'HTTP_503',
      }),
    ).toBe(1);
  });
});
