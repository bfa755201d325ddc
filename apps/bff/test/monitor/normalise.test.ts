import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allOnlineAgentsResponse, type GatewayAgentWire } from '@floorwatch/contracts/gateway';
import type { Agent } from '@floorwatch/contracts/api';
import { normalise, STATE_SINCE_TOLERANCE_MS, toQueue } from '../../src/monitor/normalise';
import { NO_ACD_EXTRAS } from '../factories';

function documentedExample() {
  const raw: unknown = JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL(
          '../../../../packages/contracts/test/fixtures/allonlineagents.example.json',
          import.meta.url,
        ),
      ),
      'utf8',
    ),
  );
  return allOnlineAgentsResponse.parse(raw).result ?? [];
}

function wireAgent(over: Partial<GatewayAgentWire> = {}): GatewayAgentWire {
  return {
    workno: '3001',
    name: 'A',
    status: '4',
    ctiStatus: '1',
    groupid: 1,
    groupname: null,
    skilllist: [],
    mediatype: 'TFF',
    vdnid: 1,
    phonenumber: '5000',
    currentstatetime: 10,
    logindate: 1_700_000_000_000,
    callids: [],
    inMultimediaConf: 0,
    currentStateReason: 0,
    ...over,
  };
}

function skills(agents: Array<{ skillId: number; media?: number; agents: GatewayAgentWire[] }>) {
  return allOnlineAgentsResponse.parse({
    retcode: '0',
    message: '',
    result: agents.map((s) => ({
      skillId: s.skillId,
      skillMediaType: s.media ?? 5,
      agent: s.agents,
    })),
  }).result!;
}

const T0 = 1_800_000_000_000;

describe('normalise', () => {
  it('turns the documented example into one agent per workno', () => {
    const { agents, queues } = normalise(documentedExample(), T0, new Map());
    expect([...agents.keys()].sort()).toEqual(['2005', '2007']);
    const a2007 = agents.get('2007')!;
    expect(a2007.skills).toEqual([1, 2]);
    expect(a2007.media).toEqual({ voice: true, chat: true, email: false });
    expect(a2007.stateSince).toBe(T0 - 28_000);
    expect(a2007.loginAt).toBe(1616510634000);
    expect(a2007.state).toBe('idle');
    const a2005 = agents.get('2005')!;
    expect(a2005.skills).toEqual([1]);
    expect(a2005.media).toEqual({ voice: true, chat: false, email: false });
    expect(a2005).toMatchObject({
      name: 'liukai011',
      vdnId: 214,
      groupId: 0,
      phone: '88880026',
      reason: 0,
    });
    expect(queues.get(1)).toMatchObject({ skillId: 1, mediaType: 5, agents: ['2005', '2007'] });
    expect(queues.get(2)).toMatchObject({ skillId: 2, mediaType: 53, agents: ['2007'] });
    expect(queues.get(1)!.counts).toEqual({
      idle: 2,
      talking: 0,
      wrapup: 0,
      busy: 0,
      rest: 0,
      prerest: 0,
      signedout: 0,
      unknown: 0,
    });
  });

  it('maps the no-time sentinel to null and accepts numeric codes', () => {
    const { agents } = normalise(
      skills([
        { skillId: 7, agents: [wireAgent({ logindate: 4294967295000, status: 7, ctiStatus: 5 })] },
      ]),
      T0,
      new Map(),
    );
    expect(agents.get('3001')).toMatchObject({
      loginAt: null,
      state: 'talking',
      status: 7,
      ctiStatus: 5,
    });
  });

  it('keeps stateSince stable through currentstatetime jitter and reuses the same object', () => {
    const first = normalise(
      skills([{ skillId: 1, agents: [wireAgent({ currentstatetime: 10 })] }]),
      T0,
      new Map(),
    );
    // 2 s later the gateway says 13 s (1 s of jitter): same state, same start.
    const second = normalise(
      skills([{ skillId: 1, agents: [wireAgent({ currentstatetime: 13 })] }]),
      T0 + 2000,
      first.agents,
    );
    expect(second.agents.get('3001')).toBe(first.agents.get('3001'));
  });

  it('takes the new start when the same state was re-entered (currentstatetime shrank a lot)', () => {
    const first = normalise(
      skills([{ skillId: 1, agents: [wireAgent({ currentstatetime: 100 })] }]),
      T0,
      new Map(),
    );
    const second = normalise(
      skills([{ skillId: 1, agents: [wireAgent({ currentstatetime: 1 })] }]),
      T0 + 2000,
      first.agents,
    );
    expect(second.agents.get('3001')!.stateSince).toBe(T0 + 2000 - 1000);
    expect(T0 + 1000 - (T0 - 100_000)).toBeGreaterThan(STATE_SINCE_TOLERANCE_MS);
  });

  it('restarts stateSince on a state change', () => {
    const first = normalise(
      skills([{ skillId: 1, agents: [wireAgent({ currentstatetime: 100 })] }]),
      T0,
      new Map(),
    );
    const second = normalise(
      skills([
        { skillId: 1, agents: [wireAgent({ status: '7', ctiStatus: '5', currentstatetime: 3 })] },
      ]),
      T0 + 2000,
      first.agents,
    );
    const a: Agent = second.agents.get('3001')!;
    expect(a.state).toBe('talking');
    expect(a.stateSince).toBe(T0 - 1000);
  });

  it('builds a queue with names and depth and reuses an unchanged queue', () => {
    const { queues } = normalise(skills([{ skillId: 3, agents: [wireAgent()] }]), T0, new Map());
    const q1 = toQueue(
      3,
      queues.get(3),
      {
        name: undefined,
        vdnMediaType: undefined,
        waiting: null,
        longestWaitSec: null,
        ...NO_ACD_EXTRAS,
      },
      undefined,
    );
    expect(q1).toMatchObject({
      name: 'Skill 3',
      waiting: null,
      longestWaitSec: null,
      agents: ['3001'],
    });
    const q2 = toQueue(
      3,
      queues.get(3),
      {
        name: undefined,
        vdnMediaType: undefined,
        waiting: null,
        longestWaitSec: null,
        ...NO_ACD_EXTRAS,
      },
      q1,
    );
    expect(q2).toBe(q1);
    const q3 = toQueue(
      3,
      queues.get(3),
      { name: 'Sales', vdnMediaType: 5, waiting: 2, longestWaitSec: 30, ...NO_ACD_EXTRAS },
      q1,
    );
    expect(q3).not.toBe(q1);
    expect(q3).toMatchObject({ name: 'Sales', waiting: 2, longestWaitSec: 30 });
    const empty = toQueue(
      9,
      undefined,
      { name: 'Email', vdnMediaType: 6, waiting: null, longestWaitSec: null, ...NO_ACD_EXTRAS },
      undefined,
    );
    expect(empty).toMatchObject({ mediaType: 6, agents: [], counts: { idle: 0, unknown: 0 } });
  });
});

describe('normalise ordering', () => {
  it('sorts skills numerically whatever order the gateway lists them in', () => {
    const a = wireAgent();
    const { agents, queues } = normalise(
      skills([
        { skillId: 30, agents: [a] },
        { skillId: 4, agents: [a, wireAgent({ workno: '2999' })] },
        { skillId: 12, agents: [a, a] },
      ]),
      T0,
      new Map(),
    );
    expect(agents.get('3001')!.skills).toEqual([4, 12, 30]);
    expect(queues.get(4)!.agents).toEqual(['2999', '3001']);
    expect(queues.get(12)!.agents).toEqual(['3001']);
    expect(queues.get(12)!.counts.idle).toBe(1);
  });
});
