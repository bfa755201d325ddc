// The floors later features are tested against: the dense stream floor, the one stuck wrap-up of
// `large`, teams and reason codes, and a floor held still through the control API.
import { describe, expect, it } from 'vitest';
import {
  BUSY_REASONS,
  ContactCentreEngine,
  DENSE_AGENTS,
  DENSE_QUEUES,
  LARGE_STUCK_WRAPUP,
  REST_REASONS,
  denseScenario,
  largeScenario,
  smallScenario,
} from '../src/index';
import { ROOMY, T0, supervisor, testSim, type Envelope, type RawAgent } from './factories';

/** Share of agents whose visible state (status, ctiStatus, reason) changed, per second. */
function churnPerSecond(e: ContactCentreEngine, from: number, seconds: number): number {
  const state = () => e.agents().map((a) => `${a.status}/${a.ctiStatus}/${a.reason}`);
  e.advanceTo(from);
  let prev = state();
  let changed = 0;
  for (let s = 1; s <= seconds; s += 1) {
    e.advanceTo(from + s * 1000);
    const cur = state();
    for (let i = 0; i < cur.length; i += 1) if (cur[i] !== prev[i]) changed += 1;
    prev = cur;
  }
  return changed / seconds / e.agents().length;
}

describe('dense scenario', () => {
  it('has 5,000 agents over 200 queues, each agent in four queues, about 100 per queue', () => {
    const d = denseScenario();
    expect(d.agents).toHaveLength(DENSE_AGENTS);
    expect(d.skills).toHaveLength(DENSE_QUEUES);
    const perQueue = new Map<number, number>();
    for (const a of d.agents) {
      expect(new Set(a.skills).size, a.workno).toBe(4);
      for (const s of a.skills) perQueue.set(s, (perQueue.get(s) ?? 0) + 1);
    }
    expect(perQueue.size).toBe(DENSE_QUEUES);
    const counts = [...perQueue.values()];
    expect(counts.reduce((x, y) => x + y, 0) / counts.length).toBe(100);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...counts)).toBeLessThanOrEqual(160);
  });

  it('about 2 % of the agents change state every second over a simulated minute, at any hour', () => {
    for (const hour of [10, 2]) {
      const start = Date.UTC(2026, 2, 10, hour, 0, 0);
      const e = new ContactCentreEngine(denseScenario(), 1, start);
      const rate = churnPerSecond(e, start + 10 * 60_000, 60);
      expect(rate, `${hour}:00 UTC`).toBeGreaterThan(0.015);
      expect(rate, `${hour}:00 UTC`).toBeLessThan(0.025);
    }
  });
});

describe('large scenario', () => {
  it('has exactly one agent stuck in wrap-up, since 20 minutes before the start, and it stays', () => {
    const e = new ContactCentreEngine(largeScenario(), 1, T0);
    for (const at of [T0, T0 + 5 * 60_000]) {
      e.advanceTo(at);
      const long = e.agents().filter((a) => a.status === 5 && at - a.stateSince > 10 * 60_000);
      expect(long.map((a) => a.def.workno)).toEqual([LARGE_STUCK_WRAPUP.workno]);
      expect(long[0]).toMatchObject({ signedIn: true, ctiStatus: 6, stateSince: T0 - 1_200_000 });
    }
  });

  it('the gateway lists the stuck agent with currentstatetime 1200 at the start', async () => {
    const sim = await testSim({ ...ROOMY, scenario: 'large' });
    const guid = await supervisor(sim);
    const r = await sim.get<Envelope<RawAgent>>(
      `agentgroup/101/agentbyworkno/${LARGE_STUCK_WRAPUP.workno}`,
      guid,
    );
    expect(r.json.result).toMatchObject({ status: '5', ctiStatus: '6', currentstatetime: 1200 });
  });

  it('puts agents in named teams of 25', () => {
    const l = largeScenario();
    expect(l.agents[0]).toMatchObject({ groupid: 1, groupname: 'Lisbon team 1' });
    expect(l.agents[25]).toMatchObject({ groupid: 2, groupname: 'Manila team 1' });
    expect(new Set(l.agents.map((a) => a.groupname)).size).toBe(400);
  });
});

describe('teams and reason codes', () => {
  it('small has four named teams', () => {
    const teams = new Map(smallScenario().agents.map((a) => [a.groupid, a.groupname]));
    expect([...teams]).toEqual([
      [1, 'Billing & Sales'],
      [2, 'Technical Support'],
      [3, 'Digital Care'],
      [4, 'Video & Premium'],
    ]);
  });

  it('rests and said-busy carry several distinct configured reasons over a day', () => {
    const e = new ContactCentreEngine(smallScenario(), 1, T0);
    const rest = new Set<number>();
    const busy = new Set<number>();
    for (let t = T0; t < T0 + 10 * 3_600_000; t += 30_000) {
      e.advanceTo(t);
      for (const a of e.agents()) {
        if (a.status === 8) rest.add(a.reason);
        if (a.status === 3) busy.add(a.reason);
      }
    }
    const restCodes = REST_REASONS.map((r) => r.code);
    const busyCodes = BUSY_REASONS.map((r) => r.code);
    expect([...rest].every((c) => restCodes.includes(c))).toBe(true);
    expect([...busy].every((c) => busyCodes.includes(c))).toBe(true);
    // Short break (11) and lunch (12) among at least four rest reasons; three busy reasons.
    expect(rest).toContain(11);
    expect(rest).toContain(12);
    expect(rest.size).toBeGreaterThanOrEqual(4);
    expect(busy.size).toBeGreaterThanOrEqual(3);
  });

  it('GET /sim-control/reasons lists the codes with labels', async () => {
    const sim = await testSim();
    const r = await sim.control<{ rest: { code: number; label: string }[] }>('GET', 'reasons');
    expect(r.json.rest).toContainEqual({ code: 12, label: 'Lunch' });
    expect(r.json.rest).toContainEqual({ code: 11, label: 'Short break' });
  });
});

describe('holding the floor still', () => {
  interface Row {
    workno: string;
    status: number;
    reason: number;
    currentstatetime: number;
  }
  const agents = async (sim: Awaited<ReturnType<typeof testSim>>) =>
    (await sim.control<{ agents: Row[] }>('GET', 'agents')).json.agents;
  const states = (rows: Row[]) => rows.map((a) => `${a.workno}:${a.status}/${a.reason}`);

  it('PUT freeze stops small; times in state count on; control changes still apply; thawing resumes', async () => {
    const sim = await testSim();
    expect((await sim.control('PUT', 'freeze', { frozen: true })).json).toEqual({ frozen: true });
    const before = await agents(sim);
    sim.clock.advance(10 * 60_000);
    const after = await agents(sim);
    expect(states(after)).toEqual(states(before));
    expect(after.map((a) => a.currentstatetime)).toEqual(
      before.map((a) => a.currentstatetime + 600),
    );
    expect((await sim.control('GET', 'status')).json.frozen).toBe(true);
    await sim.control('POST', 'agents/2003/state', { status: 8, reason: 12 });
    expect((await agents(sim))[2]).toMatchObject({ status: 8, reason: 12 });
    await sim.control('PUT', 'freeze', { frozen: false });
    sim.clock.advance(10 * 60_000);
    expect(states(await agents(sim))).not.toEqual(states(after));
    expect((await sim.control('PUT', 'freeze', { frozen: 'yes' })).status).toBe(400);
  });
});
