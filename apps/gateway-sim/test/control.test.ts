import { describe, expect, it } from 'vitest';
import { testSim, type AllOnline } from './factories';

describe('control API', () => {
  it('status reports the scenario; POST scenario reloads it and keeps sessions', async () => {
    const sim = await testSim({ rateLimit: { max: 100, windowMs: 2000 } });
    const st = (await sim.control('GET', 'status')).json;
    expect(st).toMatchObject({
      scenario: 'small',
      seed: 1,
      agents: 40,
      queues: 6,
      now: sim.clock.now(),
    });
    const { guid } = await sim.signIn('101');
    const r = await sim.control('POST', 'scenario', { name: 'seed' });
    expect(r.json).toMatchObject({ scenario: 'seed', seed: 1, agents: 2, queues: 2 });
    const all = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
    expect(all.json.result.map((s) => s.skillId)).toEqual([1, 2]);
    expect((await sim.control('POST', 'scenario', { name: 'nope' })).status).toBe(400);
    await sim.control('POST', 'scenario', { name: 'small', seed: 9 });
    expect((await sim.control('GET', 'status')).json).toMatchObject({ scenario: 'small', seed: 9 });
  });

  it('churn answers the worknos it changed', async () => {
    const sim = await testSim({ scenario: 'seed' });
    const r = await sim.control('POST', 'churn', { fraction: 1 });
    expect(r.json.changed).toEqual(['2005', '2007']);
    const none = await sim.control('POST', 'churn', { fraction: 0 });
    expect(none.json.changed).toEqual([]);
  });

  it('state validation: status 0-9 only; status 2 signs the agent out', async () => {
    const sim = await testSim({ scenario: 'seed' });
    expect((await sim.control('POST', 'agents/2005/state', { status: 10 })).status).toBe(400);
    const out = await sim.control('POST', 'agents/2005/state', { status: 2 });
    expect(out.json.agent).toMatchObject({
      workno: '2005',
      status: '2',
      ctiStatus: '0',
      signedIn: false,
    });
    const back = await sim.control('POST', 'agents/2005/state', { status: 3, reason: 201 });
    expect(back.json.agent).toMatchObject({
      status: '3',
      ctiStatus: '7',
      currentStateReason: 201,
      signedIn: true,
    });
  });

  it('accounts: PUT answers the flags without the password', async () => {
    const sim = await testSim();
    const r = await sim.control('PUT', 'accounts/120', { locked: true });
    expect(r.json).toEqual({
      workno: '120',
      canQuery: true,
      forceLoginAllowed: true,
      locked: true,
      passwordExpired: false,
    });
    expect((await sim.control('PUT', 'accounts/x', {})).status).toBe(400);
  });
});

describe('wire switches and edge payloads', () => {
  it('PUT wire {numericStatus} sends status/ctiStatus as numbers (CMS style), still contract-valid', async () => {
    const { allOnlineAgentsResponse } = await import('@floorwatch/contracts');
    const sim = await testSim({ scenario: 'seed' });
    const { guid } = await sim.signIn('101');
    expect((await sim.control('PUT', 'wire', { numericStatus: true })).json).toEqual({
      numericStatus: true,
    });
    const numeric = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
    expect(numeric.json.result[0]!.agent[0]).toMatchObject({ status: 4, ctiStatus: 1 });
    expect(allOnlineAgentsResponse.parse(numeric.json).result?.[0]?.agent[0]?.status).toBe(4);
    await sim.control('PUT', 'wire', { numericStatus: false });
    const strings = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
    expect(strings.json.result[0]!.agent[0]).toMatchObject({ status: '4', ctiStatus: '1' });
  });

  it('agentvdnskill answers 600-005 when the VDN has no skill queue', async () => {
    const { ContactCentreEngine } = await import('../src/index');
    const sim = await testSim();
    const { guid } = await sim.signIn('101');
    sim.context.engine = new ContactCentreEngine(
      { name: 'empty', vdnid: 214, skills: [], agents: [] },
      1,
      sim.clock.now(),
    );
    const r = await sim.get('queuedevice/101/agentvdnskill', guid);
    expect(r.json).toEqual({
      message: 'No skill queue configured in the agent VDN',
      retcode: '600-005',
      result: null,
    });
    expect((await sim.get('agentgroup/101/allonlineagents', guid)).json).toEqual({
      result: [],
      message: 'success',
      retcode: '0',
    });
  });
});

describe('agent listing', () => {
  it('GET agents lists the roster with state; GET agents/:workno one agent; 404 for unknown', async () => {
    const sim = await testSim();
    await sim.control('POST', 'agents/2002/state', { status: 3, reason: 1 });
    const list = await sim.control<{ agents: Record<string, unknown>[] }>('GET', 'agents');
    expect(list.json.agents).toHaveLength(40);
    expect(list.json.agents[1]).toMatchObject({
      workno: '2002',
      status: 3,
      ctiStatus: 7,
      pinned: true,
    });
    const one = await sim.control('GET', 'agents/2002');
    expect(one.json.agent).toMatchObject({ workno: '2002', status: '3', currentStateReason: 1 });
    expect((await sim.control('GET', 'agents/1')).status).toBe(404);
  });
});
