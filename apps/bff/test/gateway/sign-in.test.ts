import { afterEach, describe, expect, it } from 'vitest';
import { createSignIn, type SignInOptions } from '../../src/gateway/sign-in';
import { control, counters, metricValue, parts, PASSWORD, startSim, type Sim } from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const AT = 1_700_000_000_000;

async function sim(): Promise<Sim> {
  const s = await startSim();
  cleanup.push(() => s.close());
  return s;
}

function signIn(gw: Sim, over: Partial<SignInOptions> = {}, agentId = '101') {
  const p = parts(gw, cleanup, agentId);
  const s = createSignIn({
    exchange: p.exchange,
    budget: p.budget,
    metrics: p.metrics,
    logger: p.log.logger,
    password: PASSWORD,
    phone: '70101',
    forceLogin: true,
    requestTimeoutMs: 5000,
    now: () => AT,
    stopped: () => false,
    ...over,
  });
  return { ...p, signIn: s };
}

/** Someone (a previous BFF process) is signed in with the account already. */
async function occupy(gw: Sim, workno = '101'): Promise<void> {
  const res = await fetch(`${gw.url}/agentgateway/resource/onlineagent/${workno}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD, phonenum: `70${workno}`, status: 4 }),
  });
  expect(((await res.json()) as { retcode: string }).retcode).toBe('0');
}

describe('sign-in', () => {
  it('signs in with login when a phone is set, and with loginex without one', async () => {
    const gw = await sim();
    const withPhone = await signIn(gw).signIn.attempt();
    expect(withPhone).toMatchObject({ ok: true, kind: 'login' });
    const phoneless = await signIn(gw, { phone: undefined }, '102').signIn.attempt();
    expect(phoneless).toMatchObject({ ok: true, kind: 'loginex' });
    const c = await counters(gw);
    expect(c.routes.login).toBe(1);
    expect(c.routes.loginEx).toBe(1);
    expect(c.sessions.filter((s) => s.signedIn).map((s) => s.workno)).toEqual(
      expect.arrayContaining(['101', '102']),
    );
  });

  it('takes over a session left behind with the forced variant (100-002)', async () => {
    const gw = await sim();
    await occupy(gw);
    const r = signIn(gw);
    expect(await r.signIn.attempt()).toMatchObject({ ok: true, kind: 'forcelogin' });
    expect(await metricValue(r.metrics, 'signIns', { kind: 'login', retcode: '100-002' })).toBe(1);
    expect(await metricValue(r.metrics, 'signIns', { kind: 'forcelogin', retcode: '0' })).toBe(1);

    await occupy(gw, '102');
    const phoneless = signIn(gw, { phone: undefined }, '102');
    expect(await phoneless.signIn.attempt()).toMatchObject({
      ok: true,
      kind: 'forceloginexwithoutphone',
    });
  });

  it('without forceLogin reports 100-002 and leaves the other session alone', async () => {
    const gw = await sim();
    await occupy(gw);
    const res = await signIn(gw, { forceLogin: false }).signIn.attempt();
    expect(res).toEqual({
      ok: false,
      kind: 'login',
      error: {
        code: '100-002',
        message: 'Agent already signed in',
        category: 'already-signed-in',
        fatal: false,
        at: AT,
      },
    });
    expect((await counters(gw)).routes.forceLogin ?? 0).toBe(0);
  });

  it('a wrong password is fatal (an operator must act), stamped with the injected clock', async () => {
    const gw = await sim();
    const res = await signIn(gw, { password: 'wrong' }).signIn.attempt();
    expect(res).toMatchObject({
      ok: false,
      error: { code: '100-004', category: 'fatal-credentials', fatal: true, at: AT },
    });
    await control(gw, 'PUT', '/accounts/101', { locked: true });
    expect(await signIn(gw).signIn.attempt()).toMatchObject({
      ok: false,
      error: { code: '110-016', fatal: true },
    });
  });

  it('an unreachable gateway is a transport error, not a rejection', async () => {
    const gw = await sim();
    await gw.close();
    const res = await signIn(gw).signIn.attempt();
    expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK', category: 'transport' } });
  });

  it('sends nothing once the session is stopping', async () => {
    const gw = await sim();
    const res = await signIn(gw, { stopped: () => true }).signIn.attempt();
    expect(res).toMatchObject({ ok: false, error: { code: 'STOPPED' } });
    expect((await counters(gw)).routes.login ?? 0).toBe(0);
  });
});
