// The sign-in variants and the record of sign-ins and sign-outs the control API keeps, so a test
// can check how a client signed in and that (and how) it signed out.
import { describe, expect, it } from 'vitest';
import {
  ROOMY,
  drainEvents,
  heldPoll,
  testSim,
  type Envelope,
  type SignInsBody,
} from './factories';

const body = (extra: Record<string, unknown> = {}) => ({ password: 'floorwatch', ...extra });

describe('sign-in variants', () => {
  it('loginex answers 100-002 over an open session; forceloginex takes over, forceloginexwithoutphone binds no phone', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 5000 });
    const first = await sim.signIn('103', {}, '/loginex');
    expect(first.reply.json.retcode).toBe('0');
    await drainEvents(sim, '103', first.guid);
    const held = (await heldPoll(sim, '103', first.guid)).answer;
    expect((await sim.send('PUT', 'onlineagent/103/loginex', null, body())).json.retcode).toBe(
      '100-002',
    );
    const ex = await sim.send<Envelope<{ mediatype: string }>>(
      'PUT',
      'onlineagent/103/forceloginex',
      null,
      body({ phonenum: '88881234' }),
    );
    expect(ex.json.retcode).toBe('0');
    expect(ex.json.result.mediatype).toBe('FFF');
    expect((await held).json.event).toMatchObject({ eventType: 'AgentOther_ShutdownService' });
    const without = await sim.send('PUT', 'onlineagent/103/forceloginexwithoutphone', null, {
      ...body({ phonenum: '88881234' }),
    });
    expect(without.json.retcode).toBe('0');
    const records = (await sim.control<SignInsBody>('GET', 'signins/103')).json.records;
    expect(records.map((r) => [r.event, r.how, r.phone ?? null])).toEqual([
      ['signin', 'loginEx', '88880001'],
      ['signout', 'forced-out', null],
      ['signin', 'forceLoginEx', '88881234'],
      ['signout', 'forced-out', null],
      ['signin', 'forceLoginExWithoutPhone', null],
    ]);
  });

  it('forceloginex is refused with 100-015 when forced sign-in is off for the account', async () => {
    const sim = await testSim(ROOMY);
    await sim.control('PUT', 'accounts/104', { forceLoginAllowed: false });
    expect((await sim.signIn('104', {}, '/loginex')).reply.json.retcode).toBe('0');
    const r = await sim.send('PUT', 'onlineagent/104/forceloginex', null, body());
    expect(r.json.retcode).toBe('100-015');
  });
});

describe('the sign-in record (GET /sim-control/signins)', () => {
  it('tells who signed in and out, when, and how: logout, forcelogout, forced-out, expired, restart', async () => {
    const sim = await testSim(ROOMY);
    const t0 = sim.clock.now();
    const a = await sim.signIn('101');
    sim.clock.advance(1000);
    expect((await sim.send('DELETE', 'onlineagent/101/logout', a.guid)).json.retcode).toBe('0');
    sim.clock.advance(1000);
    const b = await sim.signIn('101');
    expect((await sim.send('DELETE', 'onlineagent/101/forcelogout', b.guid)).json.retcode).toBe(
      '0',
    );
    await sim.signIn('102');
    await sim.signIn('102', {}, '/forcelogin');
    await sim.control('POST', 'sessions/expire');
    await sim.signIn('103');
    await sim.control('POST', 'restart');
    const records = (await sim.control<SignInsBody>('GET', 'signins')).json.records;
    expect(records.map((r) => [r.workno, r.event, r.how])).toEqual([
      ['101', 'signin', 'login'],
      ['101', 'signout', 'logout'],
      ['101', 'signin', 'login'],
      ['101', 'signout', 'forcelogout'],
      ['102', 'signin', 'login'],
      ['102', 'signout', 'forced-out'],
      ['102', 'signin', 'forceLogin'],
      ['102', 'signout', 'expired'],
      ['103', 'signin', 'login'],
      ['103', 'signout', 'restart'],
    ]);
    expect(records.slice(0, 3).map((r) => r.at)).toEqual([t0, t0 + 1000, t0 + 2000]);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records[0]).toMatchObject({ mode: 'polling', phone: '88880001' });
    await sim.control('POST', 'counters/reset');
    expect((await sim.control<SignInsBody>('GET', 'signins')).json.records).toEqual([]);
  });

  it('a refused sign-in or sign-out leaves no record', async () => {
    const sim = await testSim(ROOMY);
    await sim.signIn('101', { password: 'wrong' });
    await sim.send('DELETE', 'onlineagent/101/logout', 'no-such-guid');
    expect((await sim.control<SignInsBody>('GET', 'signins')).json.records).toEqual([]);
  });
});
