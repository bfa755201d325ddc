// Scenarios built inside the bench from the simulator's exported pieces. Both are "static" (every
// agent has a fixed state and no calls arrive), so the only changes on the floor are the ones the
// benchmark makes through the control API: churn is then exactly the churn asked for, not churn
// plus whatever the simulated contact centre did by itself in the same interval.
import {
  denseScenario,
  largeScenario,
  mulberry32,
  type ScenarioDef,
} from '@floorwatch/gateway-sim';

type Fixed = NonNullable<ScenarioDef['fixed']>;

/** status → ctiStatus as the engine pairs them (CTI_FOR_STATUS), for the states we seed. */
const SEEDED: readonly { status: number; cti: number; reason: number; weight: number }[] = [
  { status: 4, cti: 1, reason: 0, weight: 30 }, // idle
  { status: 7, cti: 5, reason: 0, weight: 40 }, // talking
  { status: 5, cti: 6, reason: 0, weight: 10 }, // wrap-up
  { status: 3, cti: 7, reason: 1, weight: 8 }, // busy
  { status: 8, cti: 8, reason: 4, weight: 12 }, // rest
];

function fixedStates(worknos: readonly string[], seed: number, signedInShare: number): Fixed {
  const r = mulberry32(seed);
  const total = SEEDED.reduce((s, x) => s + x.weight, 0);
  const now = Date.now();
  const fixed: Fixed = {};
  for (const w of worknos) {
    if (r.next() > signedInShare) {
      fixed[w] = { status: 2, ctiStatus: 0, reason: 0, currentstatetime: 0, logindate: 0 };
      continue;
    }
    let u = r.next() * total;
    let pick = SEEDED[0]!;
    for (const s of SEEDED) {
      u -= s.weight;
      if (u < 0) {
        pick = s;
        break;
      }
    }
    // Durations spread over an hour so threshold tints (warn/crit) show on screen as in real life.
    const inState = Math.floor(r.next() * 3600);
    fixed[w] = {
      status: pick.status,
      ctiStatus: pick.cti,
      reason: pick.reason,
      currentstatetime: inState,
      logindate: now - (inState + Math.floor(r.next() * 4 * 3600)) * 1000,
    };
  }
  return fixed;
}

/** The simulator's large scenario (10,000 agents, 500 queues), frozen: ~88% signed in. */
export function frozenLargeScenario(): ScenarioDef {
  const base = largeScenario();
  return {
    ...base,
    name: 'large-frozen',
    // No arrivals: queue depth would otherwise grow without agents to answer and every queue
    // would change on every poll, which is not what "1% churn" means.
    skills: base.skills.map((s) => ({ ...s, baseRatePerHour: 0 })),
    fixed: fixedStates(
      base.agents.map((a) => a.workno),
      0xbe9c,
      0.88,
    ),
  };
}

export const ONE_QUEUE_SKILL = 1;

/** One voice queue of `size` agents, all signed in: the team-lead drill-in the browser bench uses. */
export function oneQueueScenario(size: number): ScenarioDef {
  const agents = Array.from({ length: size }, (_, i) => ({
    workno: String(30001 + i),
    name: `Agent ${String(i + 1).padStart(4, '0')}`,
    phonenumber: String(71000001 + i),
    groupid: Math.floor(i / 25) + 1,
    skills: [ONE_QUEUE_SKILL],
    mediatype: 'TFF',
  }));
  return {
    name: `one-queue-${size}`,
    vdnid: 214,
    skills: [
      {
        id: ONE_QUEUE_SKILL,
        name: 'Floor Voice',
        mediaType: 5,
        pilotNbr: '1001',
        baseRatePerHour: 0,
        meanHandleS: 300,
        meanWrapS: 40,
        meanPatienceS: 200,
        maxQueueSize: 100,
        serviceType: 1,
      },
    ],
    agents,
    fixed: fixedStates(
      agents.map((a) => a.workno),
      0x2000,
      1,
    ),
  };
}

/** The simulator's dense scenario (5,000 agents in 200 queues, four queues each), frozen and all
 *  signed in: a changed agent touches four queues, the worst case for whole-queue patches. */
export function frozenDenseScenario(): ScenarioDef {
  const base = denseScenario();
  return {
    ...base,
    name: 'dense-frozen',
    skills: base.skills.map((s) => ({ ...s, baseRatePerHour: 0 })),
    fixed: fixedStates(
      base.agents.map((a) => a.workno),
      0xde75,
      1,
    ),
  };
}
