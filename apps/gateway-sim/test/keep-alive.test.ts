// Idle sign-out (docs/gateway.md §Keep-alive and idle sign-out): only an accepted event poll
// keeps a polling session alive, and only a handshake keeps a push session alive.
import { describe, expect, it } from 'vitest';
import { ROOMY, testSim, type SignInsBody } from './factories';

const IDLE = 5000;
const push = { callBackUri: 'https://127.0.0.1:9/events', serviceToken: 'tok-1' };

describe('idle sign-out', () => {
  it('queries and updateGuid do not keep a session alive; it is signed out MAXTIME after the last poll', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: IDLE });
    const { guid } = await sim.signIn('101');
    sim.clock.advance(2000);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    sim.clock.advance(2000);
    expect((await sim.send('PUT', 'onlineagent/101/updateGuid', guid)).json.retcode).toBe('0');
    sim.clock.advance(999);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    sim.clock.advance(1);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('100-006');
    const records = (await sim.control<SignInsBody>('GET', 'signins/101')).json.records;
    expect(records.at(-1)).toMatchObject({ event: 'signout', how: 'idle' });
  });

  it('each accepted poll restarts the timer', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: IDLE });
    const { guid } = await sim.signIn('101');
    sim.clock.advance(IDLE - 1);
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
    sim.clock.advance(IDLE - 1);
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
    sim.clock.advance(IDLE - 1);
    expect((await sim.get('queuedevice/101/agentvdnskill', guid)).json.retcode).toBe('0');
    sim.clock.advance(1);
    expect((await sim.get('queuedevice/101/agentvdnskill', guid)).json.retcode).toBe('100-006');
  });

  it('records the idle sign-out at the instant MAXTIME ran out, not when it was noticed', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: IDLE });
    const signInAt = sim.clock.now();
    await sim.signIn('101');
    sim.clock.advance(IDLE * 3);
    const records = (await sim.control<SignInsBody>('GET', 'signins')).json.records;
    expect(records.map((r) => [r.event, r.how, r.at])).toEqual([
      ['signin', 'login', signInAt],
      ['signout', 'idle', signInAt + IDLE],
    ]);
  });
});

describe('push mode (callBackUri and serviceToken at sign-in)', () => {
  it('handshakes keep the session alive; polls do not', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: IDLE });
    const { guid } = await sim.signIn('101', push);
    sim.clock.advance(IDLE - 1);
    const hs = await sim.send('POST', 'onlineagent/101/handshake', guid);
    expect(hs.json).toEqual({ message: '', retcode: '0', result: null });
    sim.clock.advance(IDLE - 1);
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
    sim.clock.advance(1);
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('100-006');
    const c = (await sim.control<SignInsBody>('GET', 'signins/101')).json.records;
    expect(c[0]).toMatchObject({ event: 'signin', mode: 'push' });
  });

  it('a handshake with a wrong service_token, or from a polling session, is 100-001 and keeps nothing alive', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: IDLE });
    const p = await sim.signIn('101', push);
    const bad = await sim.send('POST', 'onlineagent/101/handshake', p.guid, undefined, {
      service_token: 'wrong',
    });
    expect(bad.json.retcode).toBe('100-001');
    const good = await sim.send('POST', 'onlineagent/101/handshake', p.guid, undefined, {
      service_token: 'tok-1',
    });
    expect(good.json.retcode).toBe('0');
    // Only one of callBackUri/serviceToken: polling mode.
    const polling = await sim.signIn('102', { serviceToken: 'tok-2' });
    sim.clock.advance(IDLE - 1);
    expect((await sim.send('POST', 'onlineagent/102/handshake', polling.guid)).json.retcode).toBe(
      '100-001',
    );
    sim.clock.advance(1);
    expect((await sim.get('agentevent/102', polling.guid)).json.retcode).toBe('100-006');
  });

  it('a push session gets no new Guid from polls, so its sign-in Guid dies GUIDTIMEOUT after issue', async () => {
    const sim = await testSim({ ...ROOMY, guidIntervalMs: 1000, guidTimeoutMs: 3000 });
    const { guid } = await sim.signIn('101', push);
    for (let i = 0; i < 2; i += 1) {
      sim.clock.advance(1000);
      expect((await sim.send('POST', 'onlineagent/101/handshake', guid)).json.retcode).toBe('0');
    }
    sim.clock.advance(1000);
    expect((await sim.send('POST', 'onlineagent/101/handshake', guid)).json.retcode).toBe(
      '000-003',
    );
  });
});
