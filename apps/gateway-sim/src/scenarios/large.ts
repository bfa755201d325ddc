// 10,000 agents over 500 queues: the load test of the dashboard and of allonlineagents itself.
// The structure comes from a fixed stream, so queue and agent names do not move with the seed
// (nor with the locale: every locale draws the same numbers).
import { mulberry32 } from '../engine/prng';
import { NONE_16, type AgentDef, type ScenarioDef, type SkillDef } from '../engine/types';
import { localeNames, type Locale, type QueueKind } from './locale';
import { rosterAgent } from './roster';
import { withArrivalRates } from './staffing';

export const LARGE_AGENTS = 10_000;
export const LARGE_QUEUES = 500;
/** Agents per team (groupid). */
export const LARGE_TEAM_SIZE = 25;

/**
 * The one agent of `large` stuck in wrap-up: in status 5 since 20 minutes before the engine
 * starts, and kept there until the control API releases it (an "exceptions" screen has exactly
 * one long wrap-up to find).
 */
export const LARGE_STUCK_WRAPUP = { workno: '24242', status: 5, reason: 0, sinceS: 20 * 60 };

export function largeScenario(locale: Locale = 'en'): ScenarioDef {
  const names = localeNames(locale);
  const r = mulberry32(0xf1009);
  const raw: Omit<SkillDef, 'baseRatePerHour'>[] = [];
  for (let i = 0; i < LARGE_QUEUES; i += 1) {
    const id = i + 1;
    const u = r.next();
    const [mediaType, kind, handle, wrap, patience]: [number, QueueKind, number, number, number] =
      u < 0.7
        ? [5, 'voice', 300, 40, 200]
        : u < 0.9
          ? [53, 'chat', 480, 20, 240]
          : u < 0.95
            ? [19, 'video', 540, 60, 240]
            : [6, 'email', 600, 30, 3600];
    const line = names.lines[i % names.lines.length] ?? '';
    const market = names.markets[Math.floor(i / names.lines.length) % names.markets.length] ?? '';
    const tier = Math.floor(i / (names.lines.length * names.markets.length)) + 1;
    raw.push({
      id,
      name: names.queue(line, market, kind, tier),
      mediaType,
      pilotNbr: String(10000 + id),
      meanHandleS: handle,
      meanWrapS: wrap,
      meanPatienceS: patience,
      // Email queues have no limit (the "none" sentinel); the others turn calls away at 100.
      maxQueueSize: kind === 'email' ? NONE_16 : 100,
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
    agents.push(
      rosterAgent(r, names, {
        index: i,
        worknoBase: 20001,
        phoneBase: 70000001,
        teamSize: LARGE_TEAM_SIZE,
        skills,
        mediatype: digital ? 'TTF' : 'TFF',
      }),
    );
  }
  return {
    name: 'large',
    vdnid: 214,
    skills: withArrivalRates(raw, agents),
    agents,
    stuck: [LARGE_STUCK_WRAPUP],
  };
}
