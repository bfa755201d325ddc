import { eventPollResponse, signInResponse, updateGuidResponse } from '@floorwatch/contracts';
import { describe, expect, it } from 'vitest';
import {
  ROOMY,
  drainEvents,
  guidOf,
  heldPoll,
  testSim,
  type CountersBody,
  type Envelope,
} from './factories';

describe('sign-in', () => {
  it('answers with Set-GUID JSESSIONID=<uuid>.AgentGateway0 and the documented result', async () => {
    const sim = await testSim(ROOMY);
    const { reply, guid } = await sim.signIn('101');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(reply.headers['set-guid']).toMatch(
      /^JSESSIONID=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.AgentGateway0$/,
    );
    const parsed = signInResponse.parse(reply.json);
    expect(parsed.retcode).toBe('0');
    expect(parsed.result).toMatchObject({
      workno: '101',
      vdnid: 214,
      mediatype: 'TTF',
      serverName: 'AgentGateway',
    });
    expect(typeof reply.json.result.loginTime).toBe('string');
    expect(guid).toMatch(/\.AgentGateway0$/);
  });

  it('queues AgentOther_InService and AgentState_Ready (plus the status event) for the poll', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('102', { status: 3 });
    const types: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await sim.get('agentevent/102', guid);
      types.push(eventPollResponse.parse(r.json).event?.eventType ?? 'none');
    }
    expect(types).toEqual([
      'AgentOther_InService',
      'AgentState_Ready',
      'AgentState_SetNotReady_Success',
    ]);
    const empty = await sim.get('agentevent/102', guid);
    expect(empty.json).toEqual({ message: '', retcode: '0', event: null });
  });

  it('loginex and forceloginexwithoutphone need no phone number; login does', async () => {
    const sim = await testSim(ROOMY);
    const noPhone = await sim.send('PUT', 'onlineagent/103', null, { password: 'floorwatch' });
    expect(noPhone.json.retcode).toBe('100-001');
    const ex = await sim.send<Envelope<{ mediatype: string }>>(
      'PUT',
      'onlineagent/103/loginex',
      null,
      { password: 'floorwatch' },
    );
    expect(ex.json.retcode).toBe('0');
    expect(ex.json.result.mediatype).toBe('FFF');
    expect(guidOf(ex)).not.toBeNull();
    const fx = await sim.send('PUT', 'onlineagent/103/forceloginexwithoutphone', null, {
      password: 'floorwatch',
    });
    expect(fx.json.retcode).toBe('0');
  });

  it('maps account problems to their retcodes: 100-004 (also for an unknown work number), 110-016, 100-020', async () => {
    const sim = await testSim(ROOMY);
    expect((await sim.signIn('101', { password: 'nope' })).reply.json.retcode).toBe('100-004');
    await sim.control('PUT', 'accounts/104', { locked: true });
    expect((await sim.signIn('104')).reply.json.retcode).toBe('110-016');
    await sim.control('PUT', 'accounts/105', { passwordExpired: true });
    expect((await sim.signIn('105')).reply.json.retcode).toBe('100-020');
    // An unknown work number is a failed sign-in, not "not signed in" (100-006).
    expect((await sim.signIn('4321')).reply.json).toEqual({
      message: 'Wrong user name or password',
      retcode: '100-004',
      result: null,
    });
    await sim.control('PUT', 'accounts/106', { password: 's3cret' });
    expect((await sim.signIn('106')).reply.json.retcode).toBe('100-004');
    expect((await sim.signIn('106', { password: 's3cret' })).reply.json.retcode).toBe('0');
    const counters = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(counters.rejected.auth).toBe(5);
  });

  it('100-002 on a second sign-in; forcelogin takes over and the old session learns it', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 5000 });
    const first = await sim.signIn('110');
    await drainEvents(sim, '110', first.guid);
    const held = (await heldPoll(sim, '110', first.guid)).answer;
    const again = await sim.signIn('110');
    expect(again.reply.json.retcode).toBe('100-002');
    expect(guidOf(again.reply)).toBeNull();
    const forced = await sim.signIn('110', {}, '/forcelogin');
    expect(forced.reply.json.retcode).toBe('0');
    expect(forced.guid).not.toBe(first.guid);
    const heldReply = await held;
    expect(heldReply.json.event).toMatchObject({
      eventType: 'AgentOther_ShutdownService',
      workNo: '110',
    });
    expect((await sim.get('agentgroup/110/allonlineagents', first.guid)).json.retcode).toBe(
      '000-003',
    );
    expect((await sim.get('agentgroup/110/allonlineagents', forced.guid)).json.retcode).toBe('0');
  });

  it('100-015 when forced sign-in is disabled and the account is signed in', async () => {
    const sim = await testSim(ROOMY);
    await sim.control('PUT', 'accounts/111', { forceLoginAllowed: false });
    const first = await sim.signIn('111');
    expect(first.reply.json.retcode).toBe('0');
    const forced = await sim.signIn('111', {}, '/forcelogin');
    expect(forced.reply.json.retcode).toBe('100-015');
    expect((await sim.get('agentgroup/111/allonlineagents', first.guid)).json.retcode).toBe('0');
  });
});

describe('Guid', () => {
  it('is required on later calls, in any header case', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    const url = `${sim.gw}/agentgroup/101/allonlineagents`;
    const { call } = await import('./factories');
    for (const name of ['Guid', 'guid', 'GUID', 'gUiD']) {
      const r = await call(url, { headers: { [name]: guid } });
      expect(r.json.retcode, name).toBe('0');
    }
    expect((await call(url)).json.retcode).toBe('000-003');
    expect((await call(url, { headers: { Guid: 'bogus.AgentGateway0' } })).json.retcode).toBe(
      '000-003',
    );
  });

  it('rotates on a poll after GUIDINTERVAL; each Guid lives GUIDTIMEOUT from its issue, then 000-003', async () => {
    const sim = await testSim({ ...ROOMY, guidIntervalMs: 1000, guidTimeoutMs: 3000 });
    const { guid: g1 } = await sim.signIn('101');
    const early = await sim.get('agentevent/101', g1);
    expect(guidOf(early)).toBeNull();
    sim.clock.advance(1000);
    const rotated = await sim.get('agentevent/101', g1);
    const g2 = guidOf(rotated);
    expect(g2).toMatch(/\.AgentGateway0$/);
    expect(g2).not.toBe(g1);
    // Non-poll answers never carry a new Guid.
    sim.clock.advance(1000);
    const query = await sim.get('agentgroup/101/allonlineagents', g2!);
    expect(guidOf(query)).toBeNull();
    // g1 was issued at 0: valid until 3000, however late it was superseded.
    sim.clock.advance(999);
    expect((await sim.get('agentgroup/101/allonlineagents', g1)).json.retcode).toBe('0');
    sim.clock.advance(1);
    expect((await sim.get('agentgroup/101/allonlineagents', g1)).json.retcode).toBe('000-003');
    expect((await sim.get('agentgroup/101/allonlineagents', g2!)).json.retcode).toBe('0');
    const counters = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(counters.guidsIssued).toEqual([g1, g2]);
  });

  it('with the documented timings a superseded Guid dies 120 s after its issue, not 180 s', async () => {
    const sim = await testSim(ROOMY);
    const { guid: g1 } = await sim.signIn('101');
    await drainEvents(sim, '101', g1);
    sim.clock.advance(60_000);
    const g2 = guidOf(await sim.get('agentevent/101', g1));
    expect(g2).not.toBeNull();
    sim.clock.advance(59_999);
    expect((await sim.get('queuedevice/101/agentvdnskill', g1)).json.retcode).toBe('0');
    sim.clock.advance(1);
    expect((await sim.get('queuedevice/101/agentvdnskill', g1)).json.retcode).toBe('000-003');
    expect((await sim.get('queuedevice/101/agentvdnskill', g2!)).json.retcode).toBe('0');
  });

  it('refuses a GUIDTIMEOUT that is not longer than GUIDINTERVAL', async () => {
    await expect(testSim({ guidIntervalMs: 60_000, guidTimeoutMs: 60_000 })).rejects.toThrow(
      /guidTimeoutMs/,
    );
  });

  it('updateGuid returns a new Guid in the body without the JSESSIONID= prefix', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    const r = await sim.send('PUT', 'onlineagent/101/updateGuid', guid);
    const parsed = updateGuidResponse.parse(r.json);
    expect(parsed.message).toBe('success');
    expect(parsed.result?.guid).toMatch(/^[0-9a-f-]{36}\.AgentGateway0$/);
    expect(parsed.result?.guid).not.toBe(guid);
    expect(
      (await sim.get('agentgroup/101/allonlineagents', parsed.result!.guid)).json.retcode,
    ).toBe('0');
  });

  it('static auth keeps the sign-in Guid; a wrong one is 100-006', async () => {
    const sim = await testSim({ ...ROOMY, authMode: 'static', guidIntervalMs: 10 });
    const { guid } = await sim.signIn('101');
    sim.clock.advance(60_000);
    const poll = await sim.get('agentevent/101', guid);
    expect(guidOf(poll)).toBeNull();
    const upd = await sim.send<Envelope<{ guid: string }>>(
      'PUT',
      'onlineagent/101/updateGuid',
      guid,
    );
    expect(upd.json.result.guid).toBe(guid);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    expect((await sim.get('agentgroup/101/allonlineagents', 'other')).json.retcode).toBe('100-006');
  });
});

describe('session end', () => {
  it('signs out after idleSignOutMs without any request', async () => {
    const sim = await testSim({ ...ROOMY, idleSignOutMs: 5000 });
    const { guid } = await sim.signIn('101');
    sim.clock.advance(4999);
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
    sim.clock.advance(4999);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    sim.clock.advance(5000);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('100-006');
    const s = (await sim.control<CountersBody>('GET', 'counters')).json.sessions[0];
    expect(s).toMatchObject({ workno: '101', signedIn: false, endReason: 'idle' });
    // And may sign in again without forcing.
    expect((await sim.signIn('101')).reply.json.retcode).toBe('0');
  });

  it('logout ends the session; later calls get 100-006', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    const out = await sim.send('DELETE', 'onlineagent/101/logout', guid);
    expect(out.json).toEqual({ retcode: '0', message: '', result: null });
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('100-006');
    expect((await sim.send('DELETE', 'onlineagent/101/forcelogout', guid)).json.retcode).toBe(
      '100-006',
    );
  });

  it('control sessions/expire invalidates every session at once; a held poll learns 100-006', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 5000 });
    const a = await sim.signIn('101');
    const b = await sim.signIn('102');
    await drainEvents(sim, '101', a.guid);
    const held = (await heldPoll(sim, '101', a.guid)).answer;
    const expired = await sim.control('POST', 'sessions/expire');
    expect(expired.json.expired?.sort()).toEqual(['101', '102']);
    expect((await held).json.retcode).toBe('100-006');
    expect((await sim.get('agentgroup/102/allonlineagents', b.guid)).json.retcode).toBe('100-006');
  });
});

describe('event poll', () => {
  it('holds pollHoldMs when nothing is queued, then answers event null', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 150 });
    const { guid } = await sim.signIn('101');
    await drainEvents(sim, '101', guid);
    const started = Date.now();
    const r = await sim.get('agentevent/101', guid);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(eventPollResponse.parse(r.json)).toEqual({ message: '', retcode: '0', event: null });
  });

  it('answers 000-007 to an overlapping poll of the same session, and frees the slot after', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 200 });
    const { guid } = await sim.signIn('101');
    await drainEvents(sim, '101', guid);
    const first = (await heldPoll(sim, '101', guid)).answer;
    const dup = await sim.get('agentevent/101', guid);
    expect(dup.json.retcode).toBe('000-007');
    expect((await first).json).toEqual({ message: '', retcode: '0', event: null });
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
  });
});

describe('rights and overload control', () => {
  it('300-001 for an account without the query right (agents, or a supervisor made so)', async () => {
    const sim = await testSim(ROOMY);
    const agent = await sim.signIn('2001');
    expect(agent.reply.json.retcode).toBe('0');
    expect((await sim.get('agentgroup/2001/allonlineagents', agent.guid)).json.retcode).toBe(
      '300-001',
    );
    expect(
      (await sim.send('POST', 'queuedevice/2001/queryacdstat', agent.guid, { skills: [1] })).json
        .retcode,
    ).toBe('300-001');
    // Its own event poll is not a query and works.
    expect((await sim.get('agentevent/2001', agent.guid)).json.retcode).toBe('0');
    await sim.control('PUT', 'accounts/150', { canQuery: false });
    const sup = await sim.signIn('150');
    expect((await sim.get('queuedevice/150/agentvdnskill', sup.guid)).json.retcode).toBe('300-001');
  });

  it('allows rateLimit.max calls per sliding window, all calls counted, and reports it', async () => {
    const sim = await testSim({ rateLimit: { max: 5, windowMs: 2000 } });
    const { guid } = await sim.signIn('101');
    const results: string[] = [];
    results.push((await sim.get('agentevent/101', guid)).json.retcode);
    for (let i = 0; i < 5; i += 1) {
      results.push((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode);
    }
    expect(results).toEqual(['0', '0', '0', '0', '0', '000-007']);
    const over = await sim.get('agentgroup/101/allonlineagents', guid);
    expect(over.status).toBe(200);
    expect(over.json).toEqual({
      message: 'Overload control: more than 5 queries in 2 s',
      retcode: '000-007',
      result: null,
    });
    // Rejected calls do not use the window: once the first call leaves it, one more fits.
    sim.clock.advance(1999);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('000-007');
    sim.clock.advance(1);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    const c = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(c.rejected.rateLimited).toBe(3);
    expect(c.maxInWindow['101']).toBe(5);
    expect(c.routes).toMatchObject({ login: 1, getAgentEvent: 1, queryAllOnlineAgents: 9 });
    await sim.control('POST', 'counters/reset');
    const reset = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(reset.routes).toEqual({});
    expect(reset.maxInWindow).toEqual({});
    expect(reset.rejected).toEqual({ rateLimited: 0, auth: 0, other: 0 });
  });

  it('uses the configured numbers in the overload message', async () => {
    const sim = await testSim({ rateLimit: { max: 2, windowMs: 500 } });
    const { guid } = await sim.signIn('101');
    await sim.get('agentevent/101', guid);
    await sim.get('agentevent/101', guid);
    const r = await sim.get('agentevent/101', guid);
    expect(r.json.message).toBe('Overload control: more than 2 queries in 0.5 s');
  });
});
