// Floor truth: the supervisor account loses, then gets back, the right to query agents (300-001).
// The real BFF against the real simulator: screens go red with a "no right" error, and turn green
// within one probe interval of the fix, with no sign-in at all on the way (no storm).
import { snapshot, type GatewayHealth } from '@floorwatch/contracts/api';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile, type Started } from './harness';
import { readyBody } from '../../src/http/readiness';

let s: Started | undefined;
afterAll(async () => {
  await s?.fw.close();
});

const signIns = (r: Record<string, number | undefined>) =>
  (r.login ?? 0) + (r.forceLogin ?? 0) + (r.loginEx ?? 0) + (r.forceLoginExWithoutPhone ?? 0);

describe('recovery after the query right is restored', () => {
  it('red with no-right while refused, green within one probe of the fix, never signing in again', async () => {
    s = await start(
      { FLOORWATCH_USERS: await writeUsersFile(), CCGW_NO_RIGHT_PROBE_MS: '1000' },
      // The slow retry for refused sign-ins stays at its production 5 minutes: the recovery
      // below must not depend on it.
      { tuning: { fatalRetryMs: 5 * 60_000 } },
    );
    const st = s;
    const base = st.fw.url;
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 'ready', 10_000);
    const sup = new Browser(base);
    await sup.signIn('sup');
    const gateway = async (): Promise<GatewayHealth> =>
      snapshot.parse((await sup.req('GET', '/api/v1/snapshot')).json).gateway;
    const before = signIns((await st.counters()).routes);
    expect(before).toBe(1);

    await st.control('PUT', '/accounts/101', { canQuery: false });
    const red = await waitFor(
      async () => {
        const g = await gateway();
        return g.status === 'error' ? g : null;
      },
      'the screens turn red',
      10_000,
    );
    expect(red.error).toMatchObject({ code: '300-001', category: 'no-right', fatal: true });
    // The replica stays ready (its screens show the error); the body says why the data is red.
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(readyBody.parse(await ready.json()).gateway).toMatchObject({
      data: 'error',
      error: { code: '300-001' },
    });

    // Refused for a while: the agents query is probed about once a second, not every poll.
    const refusedFrom = Date.now();
    const q0 = (await st.counters()).routes.queryAllOnlineAgents ?? 0;
    await waitFor(
      async () => ((await st.counters()).routes.queryAllOnlineAgents ?? 0) >= q0 + 2,
      'two probes',
      10_000,
    );
    const q1 = (await st.counters()).routes.queryAllOnlineAgents ?? 0;
    const elapsedSec = (Date.now() - refusedFrom) / 1000;
    expect(q1 - q0).toBeLessThanOrEqual(Math.ceil(elapsedSec) + 2);

    await st.control('PUT', '/accounts/101', { canQuery: true });
    await waitFor(async () => (await gateway()).status === 'ok', 'green again', 15_000);
    expect((await gateway()).error).toBeNull();
    // The session was kept the whole time: no re-sign-in, let alone a storm of them.
    expect(signIns((await st.counters()).routes)).toBe(before);
  }, 60_000);
});
