// Floor truth: after an operator restores the query right (300-001), screens must be green again
// within 30 s, not after the 5-minute slow retry that stays right for a wrong password.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import type { GatewayRequest } from '../../src/gateway/types';
import { control, counters, openSession, startSim, type Sim } from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const agents: GatewayRequest = { route: 'queryAllOnlineAgents', caller: 'agents' };
const signIns = (r: Record<string, number>) =>
  (r.login ?? 0) + (r.forceLogin ?? 0) + (r.loginEx ?? 0) + (r.forceLoginExWithoutPhone ?? 0);

describe('recovery after 300-001 (no right to query agents)', () => {
  it('with the production timings, the probe 30 s after the refusal turns the session green', async () => {
    const gw: Sim = await startSim();
    cleanup.push(() => gw.close());
    await control(gw, 'PUT', '/accounts/101', { canQuery: false });
    // The session's clock is moved by hand: 30 s pass without waiting 30 s.
    const clock = { offset: 0 };
    const session = openSession(gw, cleanup, {
      now: () => Date.now() + clock.offset,
      fatalRetryMs: 5 * 60_000,
      noRightProbeMs: undefined, // the default, as in production
      deadAfterMs: 60 * 60_000,
    });
    await session.start();
    expect((await session.call(agents)).retcode).toBe('300-001');
    expect(session.status()).toMatchObject({
      state: 'fatal',
      error: { code: '300-001', category: 'no-right', fatal: true },
    });

    await control(gw, 'PUT', '/accounts/101', { canQuery: true }); // the operator acts
    clock.offset += 29_000;
    await expect(session.call(agents)).rejects.toMatchObject({ code: 'FATAL' });
    clock.offset += 1_000;
    expect((await session.call(agents)).retcode).toBe('0');
    expect(session.status()).toMatchObject({ state: 'signed-in', error: null });

    const c = await counters(gw);
    expect(c.routes.queryAllOnlineAgents).toBe(2); // the refusal and the one probe
    expect(signIns(c.routes)).toBe(1); // the session was kept: no sign-in at all
  });
});

describe('CCGW_NO_RIGHT_PROBE_MS', () => {
  it('defaults to 30 s, and a bad value stops start-up naming the key', () => {
    expect(parseConfig({}).gateway.noRightProbeMs).toBe(30_000);
    expect(parseConfig({ CCGW_NO_RIGHT_PROBE_MS: '5000' }).gateway.noRightProbeMs).toBe(5000);
    for (const bad of ['10', 'soon', '-1']) {
      expect(() => parseConfig({ CCGW_NO_RIGHT_PROBE_MS: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ CCGW_NO_RIGHT_PROBE_MS: bad })).toThrow(/CCGW_NO_RIGHT_PROBE_MS/);
    }
  });
});
