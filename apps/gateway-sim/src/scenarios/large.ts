// 10,000 agents over 500 queues: the load test of the dashboard and of allonlineagents itself.
// The structure comes from a fixed stream, so queue and agent names do not move with the seed.
import { mulberry32 } from '../engine/prng';
import type { AgentDef, ScenarioDef, SkillDef } from '../engine/types';
import { withArrivalRates } from './staffing';

const FIRST = [
  'Ada',
  'Ben',
  'Carla',
  'Dev',
  'Eva',
  'Farid',
  'Gina',
  'Hiro',
  'Ines',
  'Jack',
  'Kira',
  'Luis',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Qi',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Xena',
  'Yara',
  'Zane',
];
const LAST = [
  'Adams',
  'Berg',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Gupta',
  'Hansen',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Meyer',
  'Nakamura',
  'Olsen',
  'Perez',
  'Quinn',
  'Rossi',
  'Singh',
  'Torres',
  'Ueda',
  'Varga',
  'Walsh',
  'Xu',
  'Young',
  'Zimmer',
];
const LINES = [
  'Billing',
  'Support',
  'Sales',
  'Retention',
  'Claims',
  'Onboarding',
  'Collections',
  'Orders',
  'Returns',
  'Loyalty',
];
const MARKETS = [
  'EN',
  'FR',
  'DE',
  'ES',
  'IT',
  'NL',
  'PT',
  'PL',
  'SV',
  'AR',
  'TR',
  'ZH',
  'JA',
  'KO',
  'HI',
  'RU',
  'CS',
  'EL',
  'HU',
  'RO',
  'DA',
  'FI',
  'NO',
  'UK',
  'HE',
];

export const LARGE_AGENTS = 10_000;
export const LARGE_QUEUES = 500;

export function largeScenario(): ScenarioDef {
  const r = mulberry32(0xf1009);
  const raw: Omit<SkillDef, 'baseRatePerHour'>[] = [];
  for (let i = 0; i < LARGE_QUEUES; i += 1) {
    const id = i + 1;
    const u = r.next();
    const [mediaType, kind, handle, wrap, patience] =
      u < 0.7
        ? [5, 'Voice', 300, 40, 200]
        : u < 0.9
          ? [53, 'Chat', 480, 20, 240]
          : u < 0.95
            ? [19, 'Video', 540, 60, 240]
            : [6, 'Email', 600, 30, 3600];
    const line = LINES[i % LINES.length] ?? 'Support';
    const market = MARKETS[Math.floor(i / LINES.length) % MARKETS.length] ?? 'EN';
    const tier = Math.floor(i / (LINES.length * MARKETS.length)) + 1;
    raw.push({
      id,
      name: `${line} ${market} ${kind}${tier > 1 ? ` T${tier}` : ''}`,
      mediaType,
      pilotNbr: String(10000 + id),
      meanHandleS: handle,
      meanWrapS: wrap,
      meanPatienceS: patience,
      maxQueueSize: 100,
      serviceType: 1,
    });
  }
  const webmQueues = raw.filter((s) => s.mediaType === 53 || s.mediaType === 6).map((s) => s.id);
  const ctiQueues = raw.filter((s) => s.mediaType === 5 || s.mediaType === 19).map((s) => s.id);
  const agents: AgentDef[] = [];
  for (let i = 0; i < LARGE_AGENTS; i += 1) {
    const digital = r.chance(0.25);
    const pool = digital ? webmQueues : ctiQueues;
    const primary = r.pick(pool);
    const skills = [primary];
    const extra = r.int(0, 2);
    for (let k = 0; k < extra; k += 1) {
      // Blending: a digital agent may also take voice, through the CTI.
      const from = digital && r.chance(0.3) ? ctiQueues : pool;
      const id = r.pick(from);
      if (!skills.includes(id)) skills.push(id);
    }
    agents.push({
      workno: String(20001 + i),
      name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
      phonenumber: String(70000001 + i),
      groupid: Math.floor(i / 25) + 1,
      skills,
      mediatype: digital ? 'TTF' : 'TFF',
    });
  }
  return { name: 'large', vdnid: 214, skills: withArrivalRates(raw, agents), agents };
}
