// Agent fields are declared in the contract and read in three places: the fast path, normalise
// and equality. These tests walk the schemas' shapes, so a field added to the contract fails
// here until every place handles it.
import { describe, expect, it } from 'vitest';
import {
  gatewayAgent,
  parseAllOnlineAgentsAnswer,
  type GatewayAgentWire,
  type GatewaySkill,
} from '@floorwatch/contracts/gateway';
import { agent as apiAgent, sameAgent, type Agent } from '@floorwatch/contracts/api';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';
import { normalise } from '../../src/monitor/normalise';

const T0 = 1_800_000_000_000;

function wire(over: Partial<GatewayAgentWire> = {}): GatewayAgentWire {
  return {
    workno: '3001',
    name: 'A',
    status: '4',
    ctiStatus: '1',
    groupid: 1,
    groupname: 'g',
    skilllist: [],
    callids: [],
    mediatype: 'TFF',
    vdnid: 1,
    phonenumber: '5000',
    currentstatetime: 10,
    logindate: 1_700_000_000_000,
    inMultimediaConf: 0,
    currentStateReason: 0,
    ...over,
  };
}

const answer = (skills: Array<{ skillId: number; agents: unknown[] }>) => ({
  retcode: '0',
  message: '',
  result: skills.map((s) => ({ skillId: s.skillId, skillMediaType: 5, agent: s.agents })),
});

describe('the fast path reads every field of gatewayAgent', () => {
  for (const key of Object.keys(gatewayAgent.shape)) {
    it(`${key}: a wrong type quarantines the record, as the contract does`, () => {
      // No field of the wire agent takes an object, so each one must notice this.
      const body = answer([
        { skillId: 1, agents: [wire(), { ...wire({ workno: '3002' }), [key]: {} }] },
      ]);
      const reference = parseAllOnlineAgentsAnswer(structuredClone(body));
      const fast = parseAllOnlineAgents(body);
      expect(fast).toEqual(reference);
      expect(fast.success && fast.quarantined.map((q) => q.issue.split(':')[0])).toEqual([key]);
    });
  }
});

/** For each API field, a change on the wire (or in skill membership) that must change it. */
const CHANGES: {
  readonly [K in keyof typeof apiAgent.shape]: {
    wire?: Partial<GatewayAgentWire>;
    alsoIn?: number;
  };
} = {
  workno: { wire: { workno: '3009' } },
  name: { wire: { name: 'B' } },
  state: { wire: { status: '7', ctiStatus: '5' } },
  status: { wire: { status: '6' } }, // idle (reserved): same state, other code
  ctiStatus: { wire: { ctiStatus: '2' } },
  stateSince: { wire: { currentstatetime: 600 } },
  loginAt: { wire: { logindate: 1_700_000_060_000 } },
  media: { wire: { mediatype: 'TTF' } },
  vdnId: { wire: { vdnid: 2 } },
  groupId: { wire: { groupid: 2 } },
  phone: { wire: { phonenumber: '5001' } },
  reason: { wire: { currentStateReason: 5 } },
  skills: { alsoIn: 2 },
};

function normaliseOne(w: GatewayAgentWire, alsoIn: number | undefined, prev: Map<string, Agent>) {
  const skills = [{ skillId: 1, agents: [w] }];
  if (alsoIn !== undefined) skills.push({ skillId: alsoIn, agents: [w] });
  const parsed = parseAllOnlineAgentsAnswer(answer(skills));
  if (!parsed.success) throw parsed.error;
  const { agents } = normalise(parsed.data.result as GatewaySkill[], T0, prev);
  return [...agents.values()][0]!;
}

describe('normalise and equality see every field of the API agent', () => {
  it('has a change for every field of the contract', () => {
    expect(Object.keys(CHANGES).sort()).toEqual(Object.keys(apiAgent.shape).sort());
  });

  for (const [field, change] of Object.entries(CHANGES)) {
    it(`${field}: a change makes a new agent, and equality says so`, () => {
      const before = normaliseOne(wire(), undefined, new Map());
      expect(apiAgent.safeParse(before).success).toBe(true);
      // Unchanged: the very same object comes back (the diff is a reference comparison).
      const prev = new Map([[before.workno, before]]);
      expect(normaliseOne(wire(), undefined, prev)).toBe(before);
      const after = normaliseOne(
        wire(change.wire),
        change.alsoIn,
        new Map([
          ['3001', before],
          ['3009', before],
        ]),
      );
      expect(after).not.toBe(before);
      expect(after[field as keyof Agent]).not.toEqual(before[field as keyof Agent]);
      expect(sameAgent(before, after)).toBe(false);
      expect(apiAgent.safeParse(after).success).toBe(true);
    });
  }
});
