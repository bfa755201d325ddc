import { describe, expect, it } from 'vitest';
import {
  agentChangeOf,
  applyAgentChange,
  applyQueueChange,
  patchV2,
  queueChangeOf,
  queueInfoOf,
  shapeCheckFor,
  snapshotV2,
  type Agent,
  type Queue,
} from '../src/api';

const agent: Agent = {
  workno: '1001',
  name: 'Ann',
  state: 'idle',
  status: 4,
  ctiStatus: 1,
  stateSince: 1_000,
  loginAt: null,
  media: { voice: true, chat: false, email: false },
  vdnId: 1,
  groupId: 2,
  phone: '',
  reason: 0,
  skills: [1, 2],
};

const queue: Queue = {
  skillId: 1,
  name: 'Sales',
  mediaType: 5,
  agents: ['1001'],
  counts: {
    idle: 1,
    talking: 0,
    wrapup: 0,
    busy: 0,
    rest: 0,
    prerest: 0,
    signedout: 0,
    unknown: 0,
  },
  waiting: 0,
  longestWaitSec: 0,
  serviceLevel: null,
  loggedOnAgents: null,
  availAgents: null,
  maxQueueSize: null,
  resourceIdleRate: null,
  agentCountMismatchSince: null,
};

describe('field-level changes', () => {
  it('carries only what changed, and applying it gives the new agent', () => {
    const next: Agent = {
      ...agent,
      state: 'talking',
      status: 7,
      stateSince: 5_000,
      loginAt: 900,
      skills: [2],
    };
    const change = agentChangeOf(agent, next);
    expect(change).toEqual({
      workno: '1001',
      state: 'talking',
      status: 7,
      stateSince: 5_000,
      loginAt: 900,
      skills: [2],
    });
    expect(applyAgentChange(agent, change!)).toEqual(next);
    expect(agentChangeOf(agent, { ...agent, media: { ...agent.media } })).toBeNull();
  });

  it('sends a value that became null, and leaves the old object alone', () => {
    const withLogin = { ...agent, loginAt: 900 };
    const change = agentChangeOf(withLogin, agent)!;
    expect(change).toEqual({ workno: '1001', loginAt: null });
    const applied = applyAgentChange(withLogin, change);
    expect(applied.loginAt).toBeNull();
    expect(withLogin.loginAt).toBe(900);
  });

  it('does not take a key the contract does not know into the state', () => {
    const applied = applyAgentChange(agent, { workno: '1001', mood: 'sunny' } as never);
    expect(applied).toEqual(agent);
  });

  it("ignores a queue's members and counts, which the client derives", () => {
    const more = { ...queue, agents: ['1001', '1002'], counts: { ...queue.counts, idle: 2 } };
    expect(queueChangeOf(queue, more)).toBeNull();
    const change = queueChangeOf(queue, { ...more, waiting: 3, serviceLevel: 80 });
    expect(change).toEqual({ skillId: 1, waiting: 3, serviceLevel: 80 });
    const info = queueInfoOf(queue);
    expect(info).not.toHaveProperty('agents');
    expect(info).not.toHaveProperty('counts');
    expect(applyQueueChange(info, change!)).toEqual({ ...info, waiting: 3, serviceLevel: 80 });
  });
});

describe('shape check of stream messages', () => {
  const checkSnapshot = shapeCheckFor(snapshotV2, 'snapshot');
  const checkPatch = shapeCheckFor(patchV2, 'patch');
  const snap = {
    version: 3,
    serverTime: 10,
    gateway: { status: 'ok', lastSuccessAt: 9, error: null },
    queues: [queueInfoOf(queue)],
    agents: [agent],
  };
  const patch = {
    baseVersion: 3,
    version: 4,
    serverTime: 11,
    gateway: snap.gateway,
    agents: [],
    agentChanges: [{ workno: '1001', state: 'busy', status: 3 }],
    removedAgents: [],
    queues: [],
    queueChanges: [{ skillId: 1, waiting: 2 }],
    removedQueues: [],
  };

  it('passes what zod passes', () => {
    expect(snapshotV2.safeParse(snap).success).toBe(true);
    expect(checkSnapshot(snap)).toBeNull();
    expect(patchV2.safeParse(patch).success).toBe(true);
    expect(checkPatch(patch)).toBeNull();
  });

  it.each([
    ['a missing version', { ...patch, version: undefined }, 'patch.version'],
    [
      'a state nobody knows',
      { ...patch, agentChanges: [{ workno: '1', state: 'dancing' }] },
      'state',
    ],
    ['a change without its key', { ...patch, queueChanges: [{ waiting: 2 }] }, 'skillId'],
    [
      'a string for a number',
      { ...patch, queueChanges: [{ skillId: 1, waiting: '2' }] },
      'waiting',
    ],
    ['no array', { ...patch, removedAgents: null }, 'removedAgents'],
    ['not an object', 'patch', 'patch'],
  ])('names what is wrong: %s', (_what, value, where) => {
    const issue = checkPatch(value);
    expect(issue).toContain(where);
    expect(patchV2.safeParse(value).success).toBe(false);
  });

  it('finds a bad agent deep in a snapshot', () => {
    const bad = { ...snap, agents: [agent, { ...agent, media: { voice: 'yes' } }] };
    expect(checkSnapshot(bad)).toBe('snapshot.agents[1].media.voice: expected a boolean');
  });
});
