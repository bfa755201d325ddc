import { describe, expect, it } from 'vitest';
import { ROOMY, call, drainEvents, testSim, type CountersBody } from './factories';

describe('faults', () => {
  it('delay answers normally, late', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    const f = await sim.control('POST', 'faults', {
      kind: 'delay',
      route: 'queryAllOnlineAgents',
      ms: 150,
      times: 1,
    });
    expect(f.json.id).toMatch(/^f\d+$/);
    const started = Date.now();
    const r = await sim.get('agentgroup/101/allonlineagents', guid);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.json.retcode).toBe('0');
    // times: 1 used it up.
    expect((await sim.control('GET', 'faults')).json.faults).toEqual([]);
  });

  it('hang never answers until the faults are cleared (the socket is then destroyed)', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'hang', route: 'queryAllOnlineAgents' });
    let settled = false;
    const pending = sim.get('agentgroup/101/allonlineagents', guid).then(
      () => 'answered',
      () => 'socket error',
    );
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(settled).toBe(false);
    // Other routes still work.
    expect((await sim.get('queuedevice/101/agentvdnskill', guid)).json.retcode).toBe('0');
    await sim.control('DELETE', 'faults');
    expect(await pending).toBe('socket error');
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
  });

  it('close() still works with a hung request and a held poll', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 60_000 });
    const { guid } = await sim.signIn('101');
    await drainEvents(sim, '101', guid);
    const poll = sim.get('agentevent/101', guid).catch(() => 'gone');
    await sim.control('POST', 'faults', { kind: 'hang', route: 'queryAllOnlineAgents' });
    const hung = sim.get('agentgroup/101/allonlineagents', guid).catch(() => 'gone');
    await new Promise((r) => setTimeout(r, 50));
    // close() must not wait for the 60 s hold or the hang: it ends them.
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await hung).toBe('gone');
    expect(await poll).toBe('gone');
  });

  it('http-error answers the given HTTP status with a non-JSON page', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'http-error', status: 503, times: 1 });
    const r = await sim.get('agentgroup/101/allonlineagents', guid);
    expect(r.status).toBe(503);
    expect(r.json).toBeUndefined();
  });

  it('malformed-json answers 200 with a body that does not parse', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', {
      kind: 'malformed-json',
      route: 'queryAllOnlineAgents',
      times: 1,
    });
    const r = await sim.get('agentgroup/101/allonlineagents', guid);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    expect((): unknown => JSON.parse(r.text)).toThrow();
  });

  it('wrong-shape answers retcode 0 with a result of the wrong shape', async () => {
    const { allOnlineAgentsResponse, eventPollResponse } = await import('@floorwatch/contracts');
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'wrong-shape', times: 2 });
    const all = await sim.get('agentgroup/101/allonlineagents', guid);
    expect(all.json.retcode).toBe('0');
    expect(allOnlineAgentsResponse.safeParse(all.json).success).toBe(false);
    const poll = await sim.get('agentevent/101', guid);
    expect(eventPollResponse.safeParse(poll.json).success).toBe(false);
  });

  it('retcode answers the envelope with that retcode, only on the given route', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', {
      kind: 'retcode',
      retcode: '100-007',
      route: 'queryStatInfoOfAcd',
    });
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    const r = await sim.send('POST', 'queuedevice/101/queryacdstat', guid, { skills: [1] });
    expect(r.json).toEqual({ message: 'Operation exception', retcode: '100-007', result: null });
    expect(
      (await sim.send('POST', 'queuedevice/101/queryacdstat', guid, { skills: [1] })).json.retcode,
    ).toBe('100-007');
  });

  it('retcode on sign-in (e.g. 100-003) and drop destroys the socket', async () => {
    const sim = await testSim(ROOMY);
    await sim.control('POST', 'faults', {
      kind: 'retcode',
      retcode: '100-003',
      route: 'login',
      times: 1,
    });
    expect((await sim.signIn('101')).reply.json.retcode).toBe('100-003');
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'drop', route: 'getAgentEvent', times: 1 });
    await expect(sim.get('agentevent/101', guid)).rejects.toThrow();
    expect((await sim.get('agentevent/101', guid)).json.retcode).toBe('0');
  });

  it('a fault can be removed by id; bad fault requests get 400', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    const f = await sim.control('POST', 'faults', { kind: 'retcode', retcode: '100-007' });
    expect((await sim.control('DELETE', `faults/${f.json.id}`)).status).toBe(200);
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json.retcode).toBe('0');
    expect((await sim.control('POST', 'faults', { kind: 'explode' })).status).toBe(400);
    const counters = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(counters.routes.queryAllOnlineAgents).toBe(1);
  });
});

describe('bad input gets a gateway-style answer, never a stack trace or an HTML page', () => {
  it('unknown path: 404 with the envelope and 000-002', async () => {
    const sim = await testSim(ROOMY);
    const r = await call(`${sim.gw}/agentgroup/101/nosuchthing`);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: 'Invalid URL', retcode: '000-002', result: null });
    const outside = await call(`${sim.url}/whatever`);
    expect(outside.status).toBe(404);
    expect(outside.json.retcode).toBe('000-002');
  });

  it('wrong method on a known path: 000-001', async () => {
    const sim = await testSim(ROOMY);
    const r = await call(`${sim.gw}/agentgroup/101/allonlineagents`, { method: 'POST', body: {} });
    expect(r.status).toBe(200);
    expect(r.json.retcode).toBe('000-001');
  });

  it('agent id out of 101-999999 or not a number: 000-002', async () => {
    const sim = await testSim(ROOMY);
    for (const id of ['100', '1000000', 'abc', '-5', '12a']) {
      const r = await sim.send('PUT', `onlineagent/${id}`, null, {
        password: 'floorwatch',
        phonenum: '1',
      });
      expect(r.json.retcode, id).toBe('000-002');
    }
    const { guid } = await sim.signIn('101');
    expect((await sim.get('agentgroup/101/agentbyskill/x1', guid)).json.retcode).toBe('000-002');
  });

  it('malformed JSON on sign-in: 100-001; on agentbyskill: 000-002', async () => {
    const sim = await testSim(ROOMY);
    expect((await sim.send('PUT', 'onlineagent/101', null, '{"password":')).json.retcode).toBe(
      '100-001',
    );
    expect((await sim.send('PUT', 'onlineagent/101', null, { password: 5 })).json.retcode).toBe(
      '100-001',
    );
    const { guid } = await sim.signIn('101');
    expect((await sim.get('agentgroup/101/agentbyskill/1', guid, '{oops')).json.retcode).toBe(
      '000-002',
    );
    const c = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(c.rejected.other).toBe(3);
  });

  it('the control API answers JSON errors too', async () => {
    const sim = await testSim(ROOMY);
    const r = await sim.control('POST', 'churn', '{bad');
    expect(r.status).toBe(400);
    expect(r.json.error).toContain('malformed');
    expect((await sim.control('GET', 'nothing')).status).toBe(404);
    expect((await sim.control('POST', 'churn', { fraction: 2 })).status).toBe(400);
  });
});

describe('https', () => {
  it('serves the gateway over TLS with a self-signed certificate given as ca', async () => {
    const sim = await testSim({ https: true });
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.ca).toContain('BEGIN CERTIFICATE');
    const r = await call(`${sim.gw}/onlineagent/101`, {
      method: 'PUT',
      body: { password: 'floorwatch', phonenum: '1' },
      ca: sim.ca!,
    });
    expect(r.json.retcode).toBe('0');
    await expect(call(`${sim.controlUrl}/status`)).rejects.toThrow();
  });
});
