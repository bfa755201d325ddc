import { describe, expect, it } from 'vitest';
import type { Agent, GatewayHealth, Queue } from '@floorwatch/contracts/api';
import { createSnapshotStore } from '../../src/monitor/snapshot-store';
import { NO_KPIS } from '../factories';

const ok: GatewayHealth = { status: 'ok', lastSuccessAt: 1, error: null };

function agent(workno: string, over: Partial<Agent> = {}): Agent {
  return {
    workno,
    name: '',
    state: 'idle',
    status: 4,
    ctiStatus: 1,
    stateSince: 0,
    loginAt: null,
    media: { voice: true, chat: false, email: false },
    vdnId: 1,
    groupId: 0,
    phone: '',
    reason: 0,
    skills: [1],
    ...over,
  };
}

function queue(skillId: number, agents: string[]): Queue {
  return {
    skillId,
    name: `Skill ${skillId}`,
    mediaType: 5,
    agents,
    counts: {
      idle: agents.length,
      talking: 0,
      wrapup: 0,
      busy: 0,
      rest: 0,
      prerest: 0,
      signedout: 0,
      unknown: 0,
    },
    waiting: null,
    longestWaitSec: null,
    ...NO_KPIS,
  };
}

describe('snapshot store', () => {
  it('versions only real changes and patches only what changed', () => {
    const store = createSnapshotStore();
    const a1 = agent('1');
    const a2 = agent('2');
    const q1 = queue(1, ['1', '2']);
    const p1 = store.commit({
      agents: new Map([
        ['1', a1],
        ['2', a2],
      ]),
      queues: new Map([[1, q1]]),
      health: ok,
      serverTime: 5,
    })?.v1;
    expect(p1).toMatchObject({ baseVersion: 0, version: 1, removedAgents: [], removedQueues: [] });
    expect(p1!.agents).toHaveLength(2);

    // The same objects again: nothing changed, no version bump, no patch.
    expect(
      store.commit({
        agents: new Map([
          ['1', a1],
          ['2', a2],
        ]),
        queues: new Map([[1, q1]]),
        health: ok,
        serverTime: 6,
      }),
    ).toBeNull();
    expect(store.version).toBe(1);

    const a2b = agent('2', { state: 'talking', status: 7 });
    const p2 = store.commit({
      agents: new Map([['2', a2b]]),
      queues: new Map([[1, q1]]),
      health: ok,
      serverTime: 7,
    })?.v1;
    expect(p2).toMatchObject({ baseVersion: 1, version: 2, removedAgents: ['1'], queues: [] });
    expect(p2!.agents).toEqual([a2b]);
    expect(store.snapshot(ok, 8)).toMatchObject({
      version: 2,
      serverTime: 8,
      agents: [a2b],
      queues: [q1],
    });
  });

  it('sends in v2 only the changed fields of agents and queues, never members or counts', () => {
    const store = createSnapshotStore();
    const a1 = agent('1', { skills: [1, 2] });
    const a2 = agent('2');
    const q1 = queue(1, ['1', '2']);
    const q2 = queue(2, ['1']);
    const first = store.commit({
      agents: new Map([
        ['1', a1],
        ['2', a2],
      ]),
      queues: new Map([
        [1, q1],
        [2, q2],
      ]),
      health: ok,
      serverTime: 5,
    })!.v2;
    expect(first.agents).toEqual([a1, a2]);
    expect(first.queues.map((q) => q.skillId)).toEqual([1, 2]);
    expect(first.queues[0]).not.toHaveProperty('agents');
    expect(first.queues[0]).not.toHaveProperty('counts');

    // Agent 2 goes talking: its queue's counts change, but counts are not sent; the wait is.
    const a2b = agent('2', { state: 'talking', status: 7, stateSince: 9 });
    const q1b = { ...queue(1, ['1', '2']), waiting: 4 };
    q1b.counts = { ...q1b.counts, idle: 1, talking: 1 };
    const next = store.commit({
      agents: new Map([
        ['1', a1],
        ['2', a2b],
      ]),
      queues: new Map([[1, q1b]]),
      health: ok,
      serverTime: 10,
    })!;
    expect(next.v2).toMatchObject({
      baseVersion: 1,
      version: 2,
      agents: [],
      agentChanges: [{ workno: '2', state: 'talking', status: 7, stateSince: 9 }],
      removedAgents: [],
      queues: [],
      queueChanges: [{ skillId: 1, waiting: 4 }],
      removedQueues: [2],
    });
    expect(Object.keys(next.v2.agentChanges[0]!).sort()).toEqual(
      ['stateSince', 'state', 'status', 'workno'].sort(),
    );
    // v1 still re-sends the queue whole, members and counts included.
    expect(next.v1.queues).toEqual([q1b]);

    const snap = store.snapshotV2(ok, 11);
    expect(snap).toMatchObject({ version: 2, serverTime: 11, agents: [a1, a2b] });
    expect(snap.queues).toEqual([
      {
        skillId: 1,
        name: 'Skill 1',
        mediaType: 5,
        waiting: 4,
        longestWaitSec: null,
        ...NO_KPIS,
      },
    ]);
  });

  it('emits a health-only patch', () => {
    const store = createSnapshotStore();
    const stale: GatewayHealth = { status: 'stale', lastSuccessAt: 1, error: null };
    const p = store.commit({ healthChanged: true, health: stale, serverTime: 1 });
    expect(p?.v2).toMatchObject({
      version: 1,
      gateway: stale,
      agents: [],
      agentChanges: [],
      queueChanges: [],
    });
    expect(p?.v1).toMatchObject({
      version: 1,
      gateway: stale,
      agents: [],
      queues: [],
      removedAgents: [],
      removedQueues: [],
    });
  });

  it('counts on from a first version, so a restarted BFF never reuses an old version', () => {
    const store = createSnapshotStore({ firstVersion: 1_800_000_000_000 });
    const p = store.commit({ healthChanged: true, health: ok, serverTime: 1 })?.v1;
    expect(p).toMatchObject({ baseVersion: 1_800_000_000_000, version: 1_800_000_000_001 });
    expect(store.snapshot(ok, 2).version).toBe(1_800_000_000_001);
  });
});
