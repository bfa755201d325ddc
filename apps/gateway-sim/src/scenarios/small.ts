// The default floor: 40 agents in 4 teams over 6 named queues (voice, chat, video and email),
// with multi-skill agents and chat agents signed in to WebM ("TTF").
import { NONE_16, type AgentDef, type ScenarioDef } from '../engine/types';
import { localeNames, type Locale } from './locale';
import { withArrivalRates } from './staffing';

/** [skills, mediatype, team] per agent, in roster order (2001..2040). */
const ROSTER: readonly [number[], string, number][] = [
  // Team 1: billing and sales (voice).
  [[1], 'TFF', 1],
  [[1, 3], 'TFF', 1],
  [[1], 'TFF', 1],
  [[1, 3], 'TFF', 1],
  [[3], 'TFF', 1],
  [[3, 1], 'TFF', 1],
  [[1], 'TFF', 1],
  [[3], 'TFF', 1],
  [[1, 3], 'TFF', 1],
  [[1], 'TFF', 1],
  // Team 2: technical support, some also on video.
  [[2], 'TFF', 2],
  [[2, 1], 'TFF', 2],
  [[2], 'TFF', 2],
  [[2, 5], 'TFF', 2],
  [[2], 'TFF', 2],
  [[2], 'TFF', 2],
  [[2, 5], 'TFF', 2],
  [[2, 1], 'TFF', 2],
  [[2], 'TFF', 2],
  [[2], 'TFF', 2],
  // Team 3: digital (chat and email over WebM), a few blended with voice support.
  [[4], 'TTF', 3],
  [[4, 6], 'TTF', 3],
  [[4], 'TTF', 3],
  [[4, 2], 'TTF', 3],
  [[4], 'TTF', 3],
  [[6, 4], 'TTF', 3],
  [[4], 'TTF', 3],
  [[4, 2], 'TTF', 3],
  [[6], 'TTF', 3],
  [[4, 6], 'TTF', 3],
  // Team 4: video banking and premium sales.
  [[5, 1], 'TFF', 4],
  [[5], 'TFF', 4],
  [[5, 3], 'TFF', 4],
  [[5], 'TFF', 4],
  [[3, 5], 'TFF', 4],
  [[5, 1], 'TFF', 4],
  [[5], 'TTF', 4],
  [[3], 'TFF', 4],
  [[5, 6], 'TTF', 4],
  [[1, 5], 'TFF', 4],
];

export function smallScenario(locale: Locale = 'en'): ScenarioDef {
  const names = localeNames(locale);
  const agents: AgentDef[] = ROSTER.map(([skills, mediatype, team], i) => ({
    workno: String(2001 + i),
    name: names.smallAgents[i] ?? `Agent ${2001 + i}`,
    phonenumber: String(88880001 + i),
    groupid: team,
    groupname: names.smallTeams[team - 1] ?? null,
    skills,
    mediatype,
  }));
  const queueName = (id: number) => names.smallQueues[id - 1] ?? `Queue ${id}`;
  const common = { maxQueueSize: 100, serviceType: 1 };
  const skills = withArrivalRates(
    [
      {
        id: 1,
        name: queueName(1),
        mediaType: 5,
        pilotNbr: '1001',
        meanHandleS: 270,
        meanWrapS: 45,
        meanPatienceS: 200,
        ...common,
      },
      {
        id: 2,
        name: queueName(2),
        mediaType: 5,
        pilotNbr: '1002',
        meanHandleS: 420,
        meanWrapS: 60,
        meanPatienceS: 300,
        ...common,
      },
      {
        id: 3,
        name: queueName(3),
        mediaType: 5,
        pilotNbr: '1003',
        meanHandleS: 300,
        meanWrapS: 40,
        meanPatienceS: 150,
        ...common,
      },
      {
        id: 4,
        name: queueName(4),
        mediaType: 53,
        pilotNbr: '1004',
        meanHandleS: 480,
        meanWrapS: 20,
        meanPatienceS: 240,
        ...common,
      },
      {
        id: 5,
        name: queueName(5),
        mediaType: 19,
        pilotNbr: '1005',
        meanHandleS: 540,
        meanWrapS: 60,
        meanPatienceS: 240,
        ...common,
      },
      {
        id: 6,
        name: queueName(6),
        mediaType: 6,
        pilotNbr: '1006',
        meanHandleS: 600,
        meanWrapS: 30,
        meanPatienceS: 3600,
        ...common,
        // Emails wait as long as they must: the queue has no limit (the "none" sentinel).
        maxQueueSize: NONE_16,
      },
    ],
    agents,
  );
  return { name: 'small', vdnid: 214, skills, agents };
}
