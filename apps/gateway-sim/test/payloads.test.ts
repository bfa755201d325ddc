import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  STATUS_FOR_CTI,
  agentBySkillResponse,
  agentByWorknoResponse,
  agentVdnSkillResponse,
  allOnlineAgentsResponse,
  queryAcdStatResponse,
  skillWaitNumResponse,
} from '@floorwatch/contracts';
import { describe, expect, it } from 'vitest';
import {
  supervisor,
  testSim,
  type AllOnline,
  type Envelope,
  type RawAgent,
  type TestSim,
} from './factories';

const fixture: unknown = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL(
        '../../../packages/contracts/test/fixtures/allonlineagents.example.json',
        import.meta.url,
      ),
    ),
    'utf8',
  ),
);

describe('seed scenario', () => {
  it('reproduces the allonlineagents.txt example field for field, currentstatetime counting up', async () => {
    const sim = await testSim({ scenario: 'seed', rateLimit: { max: 100, windowMs: 2000 } });
    const guid = await supervisor(sim);
    const first = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
    expect(first.json).toEqual(fixture);
    // Even the key order and the string types are the documented ones.
    expect(first.text).toBe(JSON.stringify(fixture));
    sim.clock.advance(90_500);
    const later = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json;
    const times = later.result.flatMap((s) => s.agent.map((a) => [a.workno, a.currentstatetime]));
    expect(times).toEqual([
      ['2005', 617],
      ['2007', 118],
      ['2007', 118],
    ]);
    // Nothing else moves by itself.
    const strip = (j: unknown) =>
      JSON.stringify(j, (k, v: unknown) => (k === 'currentstatetime' ? undefined : v));
    expect(strip(later)).toBe(strip(fixture));
  });

  it('control changes it: state with currentstatetime from 0, sign-out leaves every queue', async () => {
    const sim = await testSim({ scenario: 'seed', rateLimit: { max: 100, windowMs: 2000 } });
    const guid = await supervisor(sim);
    const set = await sim.control('POST', 'agents/2007/state', { status: 8, reason: 4 });
    expect(set.status).toBe(200);
    sim.clock.advance(3000);
    let all = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json;
    const a2007 = all.result[1]!.agent[0];
    expect(a2007).toMatchObject({
      workno: '2007',
      status: '8',
      ctiStatus: '8',
      currentstatetime: 3,
      currentStateReason: 4,
    });
    expect(all.result[0]!.agent[1]).toEqual(a2007);
    await sim.control('POST', 'agents/2007/signout');
    all = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json;
    expect(all.result.map((s) => [s.skillId, s.agent.map((a) => a.workno)])).toEqual([
      [1, ['2005']],
    ]);
    const one = await sim.get<Envelope<RawAgent>>('agentgroup/101/agentbyworkno/2007', guid);
    expect(one.json.result).toMatchObject({
      status: '2',
      ctiStatus: '0',
      logindate: 4294967295000,
    });
    await sim.control('POST', 'agents/2007/signin');
    sim.clock.advance(1000);
    all = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json;
    expect(all.result[1]!.agent[0]).toMatchObject({
      status: '4',
      ctiStatus: '1',
      currentstatetime: 1,
      logindate: sim.clock.now() - 1000,
    });
    expect((await sim.control('POST', 'agents/9999/state', { status: 4 })).status).toBe(404);
  });
});

async function checkPayloads(sim: TestSim): Promise<void> {
  const guid = await supervisor(sim);
  const all = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
  expect(all.headers['content-type']).toBe('application/json; charset=UTF-8');
  const parsed = allOnlineAgentsResponse.parse(all.json);
  expect(parsed.retcode).toBe('0');
  expect(parsed.message).toBe('success');
  const raw = all.json.result[0]!.agent[0]!;
  expect(typeof raw.status).toBe('string');
  expect(typeof raw.ctiStatus).toBe('string');
  expect(typeof raw.workno).toBe('string');
  expect(typeof raw.vdnid).toBe('number');
  expect(typeof raw.groupid).toBe('number');
  expect(raw).toMatchObject({ skilllist: [], callids: [], inMultimediaConf: 0 });
  // The documented example has groupname null; the generated floors name their teams.
  if (sim.context.scenarioName === 'seed') expect(raw.groupname).toBeNull();
  else expect(raw.groupname).toEqual(expect.stringMatching(/\S/));
  for (const skill of parsed.result ?? []) {
    for (const a of skill.agent) {
      if (![9].includes(a.status))
        expect(STATUS_FOR_CTI[a.ctiStatus], `${a.workno}`).toBe(a.status);
      else expect(a.ctiStatus).toBe(5);
      expect(a.currentstatetime).toBeGreaterThanOrEqual(0);
      expect(a.logindate).toBeLessThanOrEqual(sim.clock.now());
    }
  }
  const skills = agentVdnSkillResponse.parse(
    (await sim.get('queuedevice/101/agentvdnskill', guid)).json,
  );
  expect(skills.result?.length).toBeGreaterThan(0);
  const ids = skills.result!.map((s) => s.id).slice(0, 100);
  const acd = queryAcdStatResponse.parse(
    (await sim.send('POST', 'queuedevice/101/queryacdstat', guid, { skills: ids })).json,
  );
  expect(acd.result!.map((s) => s.deviceNo)).toEqual(ids);
  const firstSkill = parsed.result![0]!.skillId;
  const bySkill = agentBySkillResponse.parse(
    (await sim.get(`agentgroup/101/agentbyskill/${firstSkill}`, guid)).json,
  );
  expect(bySkill.result!.map((a) => a.workno)).toEqual(
    parsed.result![0]!.agent.map((a) => a.workno),
  );
  const byWorkno = agentByWorknoResponse.parse(
    (await sim.get(`agentgroup/101/agentbyworkno/${parsed.result![0]!.agent[0]!.workno}`, guid))
      .json,
  );
  expect(byWorkno.result?.workno).toBe(parsed.result![0]!.agent[0]!.workno);
  const wait = skillWaitNumResponse.parse(
    (await sim.get(`queuedevice/101/skillwaitnum/${firstSkill}`, guid)).json,
  );
  expect(typeof wait.result).toBe('number');
}

describe('every scenario speaks the contract schemas', () => {
  it('seed', async () => {
    await checkPayloads(
      await testSim({ scenario: 'seed', rateLimit: { max: 100, windowMs: 2000 } }),
    );
  });
  it('small', async () => {
    await checkPayloads(
      await testSim({ scenario: 'small', rateLimit: { max: 100, windowMs: 2000 } }),
    );
  });
  it('large: allonlineagents covers the whole floor', async () => {
    const sim = await testSim({ scenario: 'large', rateLimit: { max: 100, windowMs: 2000 } });
    await checkPayloads(sim);
    const guid = (await sim.signIn('102')).guid;
    sim.clock.advance(5000);
    // How fast it answers is a benchmark figure (bench/), not an assertion on a shared machine.
    const r = await sim.get<AllOnline>('agentgroup/102/allonlineagents', guid);
    const agents = new Set(r.json.result.flatMap((s) => s.agent.map((a) => a.workno)));
    expect(agents.size).toBeGreaterThan(8000);
    expect(r.json.result.length).toBeGreaterThan(400);
  });
});

describe('small scenario', () => {
  it('has about 40 agents over 6 named queues with voice, chat, video and email', async () => {
    const sim = await testSim({ rateLimit: { max: 100, windowMs: 2000 } });
    const guid = await supervisor(sim);
    const skills = (
      await sim.get<Envelope<{ name: string; mediatype: number }[]>>(
        'queuedevice/101/agentvdnskill',
        guid,
      )
    ).json.result;
    expect(skills.map((s) => s.name)).toEqual([
      'Billing',
      'Technical Support',
      'Sales',
      'Web Chat',
      'Video Banking',
      'Email Care',
    ]);
    expect(new Set(skills.map((s) => s.mediatype))).toEqual(new Set([5, 53, 19, 6]));
    const all = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json.result;
    const chat = all.find((s) => s.skillMediaType === 53)!;
    expect(chat.agent.every((a) => a.mediatype === 'TTF')).toBe(true);
    const seen = new Map<string, number>();
    for (const s of all) for (const a of s.agent) seen.set(a.workno, (seen.get(a.workno) ?? 0) + 1);
    expect(seen.size).toBeGreaterThan(28);
    expect([...seen.values()].some((n) => n > 1)).toBe(true);
  });

  it('agentbyskill filters by the GET body (agentLimit + agentStatus); one without the other is 100-019', async () => {
    const sim = await testSim({ rateLimit: { max: 100, windowMs: 2000 } });
    const guid = await supervisor(sim);
    await sim.control('POST', 'agents/2001/state', { status: 8, reason: 4 });
    await sim.control('POST', 'agents/2003/state', { status: 8, reason: 11 });
    const r = await sim.get<Envelope<RawAgent[]>>('agentgroup/101/agentbyskill/1', guid, {
      agentLimit: 1,
      agentStatus: [8],
    });
    expect(r.json.result.map((a) => a.workno)).toEqual(['2001']);
    const both = await sim.get<Envelope<RawAgent[]>>('agentgroup/101/agentbyskill/1', guid, {
      agentLimit: 10,
      agentStatus: [8],
    });
    const rest = both.json.result.map((a) => a.workno);
    expect(rest).toEqual(expect.arrayContaining(['2001', '2003']));
    expect(both.json.result.every((a) => a.status === '8')).toBe(true);
    const half = await sim.get('agentgroup/101/agentbyskill/1', guid, { agentLimit: 10 });
    expect(half.json.retcode).toBe('100-019');
    const unknown = await sim.get('agentgroup/101/agentbyskill/999', guid);
    expect(unknown.json).toEqual({ message: 'success', retcode: '0', result: [] });
  });

  it('queryacdstat uses the sentinels when no call waits and refuses more than 100 skills', async () => {
    const sim = await testSim({ scenario: 'seed', rateLimit: { max: 100, windowMs: 2000 } });
    const guid = await supervisor(sim);
    const r = await sim.send<Envelope<unknown[]>>('POST', 'queuedevice/101/queryacdstat', guid, {
      skills: [1, 2, 77],
    });
    expect(r.json.result).toHaveLength(2);
    expect(r.json.result[0]).toMatchObject({
      deviceNo: 1,
      queueSize: 0,
      queueTime: 0,
      loadFactor: 65535,
      loggedOnAgents: 2,
      availAgents: 2,
      transferDeviceType: 255,
      transferDeviceNo: 65535,
      oldCallIdEx: { dateTime: 4294967295000, dsn: 65535, server: 255, handle: 255 },
    });
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(
      (await sim.send('POST', 'queuedevice/101/queryacdstat', guid, { skills: many })).json.retcode,
    ).toBe('000-002');
    expect(
      (await sim.send('POST', 'queuedevice/101/queryacdstat', guid, '{"skills":[1')).json.retcode,
    ).toBe('000-002');
    expect((await sim.get('queuedevice/101/skillwaitnum/77', guid)).json.retcode).toBe('100-019');
  });
});
