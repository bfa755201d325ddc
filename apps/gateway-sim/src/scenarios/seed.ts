// Exactly the documented example of allonlineagents.txt: skill 1 (voice) with 2005 and 2007,
// skill 2 (social chat) with 2007. Static: only the control API changes it.
import type { ScenarioDef } from '../engine/types';

export function seedScenario(): ScenarioDef {
  const quiet = { baseRatePerHour: 0, meanPatienceS: 180, maxQueueSize: 100, serviceType: 1 };
  return {
    name: 'seed',
    vdnid: 214,
    skills: [
      {
        id: 1,
        name: 'voice_liukai',
        mediaType: 5,
        pilotNbr: '1001',
        meanHandleS: 240,
        meanWrapS: 30,
        ...quiet,
      },
      {
        id: 2,
        name: 'chat_jinsitao',
        mediaType: 53,
        pilotNbr: '1002',
        meanHandleS: 420,
        meanWrapS: 20,
        ...quiet,
      },
    ],
    agents: [
      {
        workno: '2005',
        name: 'liukai011',
        phonenumber: '88880026',
        groupid: 0,
        groupname: null,
        skills: [1],
        mediatype: 'TFF',
      },
      {
        workno: '2007',
        name: '',
        phonenumber: '88880027',
        groupid: 0,
        groupname: null,
        skills: [1, 2],
        mediatype: 'TTF',
      },
    ],
    fixed: {
      '2005': {
        status: 4,
        ctiStatus: 1,
        reason: 0,
        currentstatetime: 527,
        logindate: 1616510142000,
      },
      '2007': {
        status: 4,
        ctiStatus: 1,
        reason: 0,
        currentstatetime: 28,
        logindate: 1616510634000,
      },
    },
  };
}
