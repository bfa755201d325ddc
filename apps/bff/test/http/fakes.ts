// Small hand-made fakes of the two seams (LiveData, GatewaySessionPort) for fast layer tests.
import {
  agentChangeOf,
  queueChangeOf,
  queueInfoOf,
  type Agent,
  type AgentChange,
  type GatewayHealth,
  type History,
  type Queue,
  type QueueChange,
  type QueueInfo,
  type Snapshot,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import pino from 'pino';
import type { GatewaySessionPort, SessionStatus } from '../../src/gateway/types';
import { createMetrics } from '../../src/metrics';
import type { Commit, LiveData } from '../../src/monitor/types';
import { openSqliteStores } from '../../src/store/sqlite/index';
import { NO_KPIS } from '../factories';

export function agent(workno: string, skills: number[], over: Partial<Agent> = {}): Agent {
  return {
    workno,
    name: `Agent ${workno}`,
    state: 'idle',
    status: 4,
    ctiStatus: 1,
    stateSince: 1_000,
    loginAt: 500,
    media: { voice: true, chat: false, email: false },
    vdnId: 1,
    groupId: 1,
    phone: '',
    reason: 0,
    skills,
    ...over,
  };
}

export function queue(skillId: number, agents: string[]): Queue {
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
    waiting: 0,
    longestWaitSec: 0,
    ...NO_KPIS,
  };
}

export const OK_HEALTH: GatewayHealth = { status: 'ok', lastSuccessAt: 1_000, error: null };

export class FakeLive implements LiveData {
  version = 1;
  agents = new Map<string, Agent>();
  queues = new Map<number, Queue>();
  gateway: GatewayHealth = OK_HEALTH;
  readonly pollMs = 1000;
  private listeners = new Set<(c: Commit) => void>();
  private quietListeners = new Set<(lastSuccessAt: number) => void>();

  constructor() {
    for (const a of [agent('1001', [1]), agent('1002', [1, 2]), agent('2001', [2])])
      this.agents.set(a.workno, a);
    this.queues.set(1, queue(1, ['1001', '1002']));
    this.queues.set(2, queue(2, ['1002', '2001']));
  }

  snapshot(): Snapshot {
    return {
      version: this.version,
      serverTime: Date.now(),
      gateway: this.gateway,
      queues: [...this.queues.values()],
      agents: [...this.agents.values()],
    };
  }
  snapshotV2(): SnapshotV2 {
    const s = this.snapshot();
    return { ...s, queues: s.queues.map(queueInfoOf) };
  }
  onCommit(listener: (c: Commit) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onQuietPoll(listener: (lastSuccessAt: number) => void) {
    this.quietListeners.add(listener);
    return () => this.quietListeners.delete(listener);
  }
  /** A successful poll that changed nothing, as the monitor reports it. */
  quietPoll(at: number) {
    this.gateway = { ...this.gateway, lastSuccessAt: at };
    for (const l of this.quietListeners) l(at);
  }
  health() {
    return this.gateway;
  }
  history(q: { from: number; to: number; skillIds?: number[] }): History {
    const ids = q.skillIds ?? [...this.queues.keys()];
    return {
      stepSec: 10,
      from: q.from,
      to: q.to,
      queues: ids.map((skillId) => ({ skillId, points: [] })),
    };
  }

  /** Applies a change and emits the commit (v1 and v2 patches) the monitor would. */
  change(
    c: {
      agents?: Agent[];
      removedAgents?: string[];
      queues?: Queue[];
      gateway?: GatewayHealth;
    } = {},
  ): Commit {
    const added: Agent[] = [];
    const agentChanges: AgentChange[] = [];
    for (const a of c.agents ?? []) {
      const prev = this.agents.get(a.workno);
      const change = prev ? agentChangeOf(prev, a) : null;
      if (!prev) added.push(a);
      else if (change) agentChanges.push(change);
      this.agents.set(a.workno, a);
    }
    for (const w of c.removedAgents ?? []) this.agents.delete(w);
    const addedQueues: QueueInfo[] = [];
    const queueChanges: QueueChange[] = [];
    for (const q of c.queues ?? []) {
      const prev = this.queues.get(q.skillId);
      const change = prev ? queueChangeOf(prev, q) : null;
      if (!prev) addedQueues.push(queueInfoOf(q));
      else if (change) queueChanges.push(change);
      this.queues.set(q.skillId, q);
    }
    if (c.gateway) this.gateway = c.gateway;
    const head = {
      baseVersion: this.version,
      version: this.version + 1,
      serverTime: Date.now(),
      gateway: this.gateway,
    };
    const commit: Commit = {
      v1: {
        ...head,
        agents: c.agents ?? [],
        queues: c.queues ?? [],
        removedAgents: c.removedAgents ?? [],
        removedQueues: [],
      },
      v2: {
        ...head,
        agents: added,
        agentChanges,
        removedAgents: c.removedAgents ?? [],
        queues: addedQueues,
        queueChanges,
        removedQueues: [],
      },
    };
    this.version += 1;
    for (const l of this.listeners) l(commit);
    return commit;
  }
}

export class FakeSession implements GatewaySessionPort {
  readonly agentId = '101';
  state: SessionStatus = {
    state: 'signed-in',
    agentId: '101',
    lastSuccessAt: 1_000,
    error: null,
    signedInAt: 500,
  };
  guid: string | null = 'fake-guid-123.AgentGateway0';
  budgetCalls: string[] = [];
  offered: unknown[] = [];
  status() {
    return this.state;
  }
  call(): Promise<never> {
    return Promise.reject(new Error('not used'));
  }
  currentGuid() {
    return this.guid;
  }
  offerSetGuid(h: string | string[] | undefined) {
    this.offered.push(h);
  }
  acquireBudget(caller: string) {
    this.budgetCalls.push(caller);
    return Promise.resolve();
  }
  onStatusChange() {
    return () => {};
  }
}

export const silentLogger = () => pino({ level: 'silent' });
export const testMetrics = () => createMetrics({ defaultMetrics: false });

/** A real SQLite settings store in memory (unseeded: no site limits, no reasons). */
export const memorySettings = () => openSqliteStores(':memory:').settings;
