// 5,000 agents over 200 queues, each agent in four queues, short calls and a flat load: about 2 %
// of the agents change state every second, whatever the hour. The floor of the stream benchmark.
import { mulberry32, type Rng } from '../engine/prng';
import type { AgentDef, ScenarioDef, SkillDef } from '../engine/types';
import { localeNames, type Locale, type QueueKind } from './locale';
import { rosterAgent } from './roster';
import { withArrivalRates } from './staffing';

export const DENSE_AGENTS = 5000;
export const DENSE_QUEUES = 200;
export const DENSE_SKILLS_PER_AGENT = 4;
export const DENSE_TEAM_SIZE = 25;

/** `count` distinct ids of `pool`, in the order drawn. */
function distinct(r: Rng, pool: readonly number[], count: number): number[] {
  const out: number[] = [];
  while (out.length < Math.min(count, pool.length)) {
    const id = r.pick(pool);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function denseScenario(locale: Locale = 'en'): ScenarioDef {
  const names = localeNames(locale);
  const r = mulberry32(0xde75e);
  const raw: Omit<SkillDef, 'baseRatePerHour'>[] = [];
  for (let i = 0; i < DENSE_QUEUES; i += 1) {
    const id = i + 1;
    // One queue in five is chat; calls are short so states turn over fast.
    const kind: QueueKind = i % 5 === 4 ? 'chat' : 'voice';
    const line = names.lines[i % names.lines.length] ?? '';
    const market = names.markets[Math.floor(i / names.lines.length) % names.markets.length] ?? '';
    raw.push({
      id,
      name: names.queue(line, market, kind, 1),
      mediaType: kind === 'chat' ? 53 : 5,
      pilotNbr: String(30000 + id),
      meanHandleS: kind === 'chat' ? 100 : 80,
      meanWrapS: kind === 'chat' ? 10 : 15,
      meanPatienceS: 120,
      maxQueueSize: 100,
      serviceType: 1,
    });
  }
  const chat = raw.filter((s) => s.mediaType === 53).map((s) => s.id);
  const voice = raw.filter((s) => s.mediaType === 5).map((s) => s.id);
  const agents: AgentDef[] = [];
  for (let i = 0; i < DENSE_AGENTS; i += 1) {
    // Three in ten are blended (two chat queues and two voice queues, signed in to WebM too).
    const blended = r.chance(0.3);
    const skills = blended
      ? [...distinct(r, chat, 2), ...distinct(r, voice, 2)]
      : distinct(r, voice, DENSE_SKILLS_PER_AGENT);
    agents.push(
      rosterAgent(r, names, {
        index: i,
        worknoBase: 40001,
        phoneBase: 60000001,
        teamSize: DENSE_TEAM_SIZE,
        skills,
        mediatype: blended ? 'TTF' : 'TFF',
      }),
    );
  }
  return {
    name: 'dense',
    vdnid: 214,
    skills: withArrivalRates(raw, agents),
    agents,
    loadCurve: 'flat',
  };
}
