// queryacdstat's KPIs (docs/gateway.md §Queue statistics): they agree with the floor that
// allonlineagents shows, carry the "none" sentinels where there is no value, and can be made to
// disagree on purpose.
import { describe, expect, it } from 'vitest';
import {
  ROOMY,
  supervisor,
  testSim,
  type AllOnline,
  type Envelope,
  type TestSim,
} from './factories';

interface AcdStat {
  deviceNo: number;
  queueSize: number;
  queueTime: number;
  loggedOnAgents: number;
  availAgents: number;
  resourceIdleRate: number;
  serviceLevel: number;
  maxQueueSize: number;
}

const NONE = 65535;

async function stats(sim: TestSim, guid: string, skills: number[]): Promise<AcdStat[]> {
  const r = await sim.send<Envelope<AcdStat[]>>('POST', 'queuedevice/101/queryacdstat', guid, {
    skills,
  });
  expect(r.json.retcode).toBe('0');
  return r.json.result;
}

async function roster(sim: TestSim, guid: string): Promise<Map<number, string[]>> {
  const all = (await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid)).json.result;
  return new Map(all.map((s) => [s.skillId, s.agent.map((a) => a.status)]));
}

describe('queryacdstat KPIs', () => {
  it('agree with allonlineagents on a busy floor; service level, idle rate and limits are filled in', async () => {
    const sim = await testSim(ROOMY);
    sim.clock.advance(20 * 60_000);
    const guid = await supervisor(sim);
    const listed = await roster(sim, guid);
    const result = await stats(sim, guid, [1, 2, 3, 4, 5, 6]);
    expect(result.map((s) => s.deviceNo)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of result) {
      const statuses = listed.get(s.deviceNo) ?? [];
      expect(s.loggedOnAgents, `skill ${s.deviceNo}`).toBe(statuses.length);
      expect(s.availAgents, `skill ${s.deviceNo}`).toBe(statuses.filter((x) => x === '4').length);
      expect(s.resourceIdleRate).toBe(
        s.loggedOnAgents === 0 ? NONE : Math.round((s.availAgents / s.loggedOnAgents) * 100),
      );
      expect(s.serviceLevel === NONE || (s.serviceLevel >= 0 && s.serviceLevel <= 100)).toBe(true);
      expect(s.maxQueueSize).toBe(s.deviceNo === 6 ? NONE : 100);
      const wait = await sim.get(`queuedevice/101/skillwaitnum/${s.deviceNo}`, guid);
      expect(wait.json.result).toBe(s.queueSize);
    }
    // Twenty minutes into the morning peak the voice queues have answered calls.
    expect(result.filter((s) => s.serviceLevel !== NONE).length).toBeGreaterThan(2);
  });

  it('uses the sentinels: no call offered (service level) and nobody signed in (idle rate)', async () => {
    const sim = await testSim({ ...ROOMY, scenario: 'seed' });
    const guid = await supervisor(sim);
    const [one] = await stats(sim, guid, [1]);
    expect(one).toMatchObject({ loggedOnAgents: 2, availAgents: 2, resourceIdleRate: 100 });
    expect(one!.serviceLevel).toBe(NONE);
    await sim.control('POST', 'agents/2005/signout');
    await sim.control('POST', 'agents/2007/signout');
    const [empty] = await stats(sim, guid, [1]);
    expect(empty).toMatchObject({ loggedOnAgents: 0, availAgents: 0, resourceIdleRate: NONE });
  });

  it('a loggedOnSkew quirk makes one queue disagree with allonlineagents until cleared', async () => {
    const sim = await testSim({ ...ROOMY, scenario: 'seed' });
    const guid = await supervisor(sim);
    const set = await sim.control('PUT', 'quirks', { loggedOnSkew: { '1': 3 } });
    expect(set.json).toEqual({ loggedOnSkew: { '1': 3 } });
    const [one, two] = await stats(sim, guid, [1, 2]);
    expect((await roster(sim, guid)).get(1)).toHaveLength(2);
    expect(one!.loggedOnAgents).toBe(5);
    expect(two!.loggedOnAgents).toBe(1);
    await sim.control('PUT', 'quirks', { loggedOnSkew: { '1': -5 } });
    expect((await stats(sim, guid, [1]))[0]).toMatchObject({
      loggedOnAgents: 0,
      availAgents: 0,
      resourceIdleRate: NONE,
    });
    await sim.control('PUT', 'quirks', { loggedOnSkew: {} });
    expect((await stats(sim, guid, [1]))[0]!.loggedOnAgents).toBe(2);
    expect((await sim.control('PUT', 'quirks', { loggedOnSkew: { x: 1 } })).status).toBe(400);
  });
});
