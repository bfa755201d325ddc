// Stream v2, end to end on random floors: whatever changes (agents signing in and out, changing
// state, name and skills; queue figures changing; queues coming and going; the gateway's health
// flapping; browsers reconnecting with Last-Event-ID), a browser that applied every message it
// received holds exactly what a fresh snapshot of the same version would give it, for every
// queue scope. Real parts throughout: the snapshot store makes the commits, the SSE hub cuts them
// per scope and writes the frames, the browser's model (apps/web/src/stores/live-model.ts, pure
// functions) applies what it parses, checked with the production shape check.
import {
  patchV2,
  sameQueue,
  shapeCheckFor,
  snapshotV2,
  type Agent,
  type GatewayHealth,
  type PatchV2,
  type Queue,
  type QueueScope,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { applyPatch, modelFromSnapshot, type LiveModel } from '../../../web/src/stores/live-model';
import { allowedOf, filterSnapshot } from '../../src/live/scope-filter';
import { createSseHub } from '../../src/live/sse-hub';
import { createSnapshotStore, type Commit } from '../../src/monitor/snapshot-store';
import type { LiveData } from '../../src/monitor/types';
import { silentLogger, testMetrics } from '../http/fakes';

const SKILLS = [1, 2, 3, 4, 5, 6];
const WORKNOS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const STATES = [
  { status: 4, state: 'idle' },
  { status: 7, state: 'talking' },
  { status: 5, state: 'wrapup' },
  { status: 3, state: 'busy' },
  { status: 8, state: 'rest' },
] as const;
/** A supervisor, two team leads, and a lead of a queue that is often empty. */
const SCOPES: QueueScope[] = ['*', [1], [2, 3], [6]];
const EMPTY_COUNTS = {
  idle: 0,
  talking: 0,
  wrapup: 0,
  busy: 0,
  rest: 0,
  prerest: 0,
  signedout: 0,
  unknown: 0,
};

type Op =
  | { k: 'add'; w: string; skills: number[]; st: number }
  | { k: 'remove'; w: string }
  | { k: 'state'; w: string; st: number; since: number }
  | { k: 'skills'; w: string; skills: number[] }
  | { k: 'name'; w: string; name: string }
  | {
      k: 'figure';
      id: number;
      field: 'waiting' | 'longestWaitSec' | 'serviceLevel';
      v: number | null;
    }
  | { k: 'rename'; id: number; name: string }
  | { k: 'listed'; id: number; on: boolean }
  | { k: 'health'; status: 'ok' | 'stale' }
  | { k: 'reconnect'; client: number };

const worknoArb = fc.constantFrom(...WORKNOS);
const skillsArb = fc.subarray(SKILLS, { minLength: 1, maxLength: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('add' as const),
      w: worknoArb,
      skills: skillsArb,
      st: fc.nat(4),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('remove' as const), w: worknoArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('state' as const),
      w: worknoArb,
      st: fc.nat(4),
      since: fc.nat(100),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('skills' as const), w: worknoArb, skills: skillsArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('name' as const),
      w: worknoArb,
      name: fc.constantFrom('Ann', 'Bo', 'Cy'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('figure' as const),
      id: fc.constantFrom(...SKILLS),
      field: fc.constantFrom(
        'waiting' as const,
        'longestWaitSec' as const,
        'serviceLevel' as const,
      ),
      v: fc.option(fc.nat(50), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('rename' as const),
      id: fc.constantFrom(...SKILLS),
      name: fc.constantFrom('Sales', 'Help'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('listed' as const),
      id: fc.constantFrom(...SKILLS),
      on: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('health' as const),
      status: fc.constantFrom('ok' as const, 'stale' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('reconnect' as const),
      client: fc.nat(SCOPES.length - 1),
    }),
  },
);
/** Each step: some changes, then one poll's commit (several changes may land in one patch). */
const stepsArb = fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 25,
});

/** The floor as the gateway would report it, and the queues the monitor would build from it. */
class Floor {
  agents = new Map<string, Agent>();
  /** Queues the VDN lists even with nobody signed in. */
  listed = new Set<number>([1]);
  names = new Map<number, string>();
  figures = new Map<number, Pick<Queue, 'waiting' | 'longestWaitSec' | 'serviceLevel'>>();
  status: 'ok' | 'stale' = 'ok';

  apply(op: Op, t: number) {
    const a = 'w' in op ? this.agents.get(op.w) : undefined;
    switch (op.k) {
      case 'add': {
        const s = STATES[op.st]!;
        this.agents.set(op.w, {
          workno: op.w,
          name: `Agent ${op.w}`,
          state: s.state,
          status: s.status,
          ctiStatus: 1,
          stateSince: t,
          loginAt: t,
          media: { voice: true, chat: false, email: false },
          vdnId: 1,
          groupId: 1,
          phone: '',
          reason: 0,
          skills: op.skills,
        });
        return;
      }
      case 'remove':
        this.agents.delete(op.w);
        return;
      case 'state': {
        const s = STATES[op.st]!;
        if (a)
          this.agents.set(op.w, {
            ...a,
            state: s.state,
            status: s.status,
            stateSince: t - op.since,
          });
        return;
      }
      case 'skills':
        if (a) this.agents.set(op.w, { ...a, skills: op.skills });
        return;
      case 'name':
        if (a) this.agents.set(op.w, { ...a, name: op.name });
        return;
      case 'figure':
        this.figures.set(op.id, { ...this.figuresOf(op.id), [op.field]: op.v });
        return;
      case 'rename':
        this.names.set(op.id, op.name);
        return;
      case 'listed':
        if (op.on) this.listed.add(op.id);
        else this.listed.delete(op.id);
        return;
      case 'health':
        this.status = op.status;
        return;
      case 'reconnect':
        return;
    }
  }

  figuresOf(id: number) {
    return this.figures.get(id) ?? { waiting: null, longestWaitSec: null, serviceLevel: null };
  }

  /** Queues with members and counts, reusing an unchanged object as toQueue does. */
  queues(prev: ReadonlyMap<number, Queue>): Map<number, Queue> {
    const ids = new Set(this.listed);
    for (const a of this.agents.values()) for (const k of a.skills) ids.add(k);
    const out = new Map<number, Queue>();
    for (const id of [...ids].sort((x, y) => x - y)) {
      const members = [...this.agents.values()].filter((a) => a.skills.includes(id));
      const counts = { ...EMPTY_COUNTS };
      for (const m of members) counts[m.state] += 1;
      const q: Queue = {
        skillId: id,
        name: this.names.get(id) ?? `Skill ${id}`,
        mediaType: 5,
        agents: members.map((m) => m.workno).sort(),
        counts,
        ...this.figuresOf(id),
        loggedOnAgents: null,
        availAgents: null,
        maxQueueSize: null,
        resourceIdleRate: null,
        agentCountMismatchSince: null,
      };
      const old = prev.get(id);
      out.set(id, old && sameQueue(old, q) ? old : q);
    }
    return out;
  }
}

/** One browser: the frames its stream received, parsed and applied as the SPA would. */
class Browser extends EventEmitter {
  writableEnded = false;
  destroyed = false;
  writableLength = 0;
  model: LiveModel | null = null;
  lastId: string | undefined;
  private buffer = '';
  /** A reconnecting EventSource keeps its page (the model) and its last id. */
  constructor(
    readonly scope: QueueScope,
    kept: { model: LiveModel | null; lastId: string | undefined } = {
      model: null,
      lastId: undefined,
    },
  ) {
    super();
    this.model = kept.model;
    this.lastId = kept.lastId;
  }
  writeHead() {
    return this;
  }
  write(chunk: string | Buffer) {
    this.buffer += String(chunk);
    let i: number;
    while ((i = this.buffer.indexOf('\n\n')) !== -1) {
      const lines = this.buffer.slice(0, i).split('\n');
      this.buffer = this.buffer.slice(i + 2);
      const get = (k: string) => lines.find((l) => l.startsWith(`${k}: `))?.slice(k.length + 2);
      const event = get('event');
      const data = get('data');
      if (event && data) this.receive(event, JSON.parse(data) as unknown, get('id'));
    }
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
  private receive(event: string, data: unknown, id: string | undefined) {
    if (event === 'snapshot') {
      expect(checkSnapshot(data)).toBeNull();
      this.model = modelFromSnapshot(data as SnapshotV2, this.model);
    } else if (event === 'patch') {
      expect(checkPatch(data)).toBeNull();
      const p = data as PatchV2;
      expect(this.model, 'a patch before any snapshot').not.toBeNull();
      expect(p.baseVersion, 'every patch applies to the version the browser holds').toBe(
        this.model!.version,
      );
      this.model = applyPatch(this.model!, p);
    }
    if (id !== undefined) this.lastId = id;
  }
}

const checkSnapshot = shapeCheckFor(snapshotV2, 'snapshot');
const checkPatch = shapeCheckFor(patchV2, 'patch');

/** Everything a screen can read, in an order-free form. */
function comparable(m: LiveModel) {
  const sorted = <K, V>(map: ReadonlyMap<K, V>) =>
    [...map.entries()].sort(([a], [b]) =>
      String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
    );
  return {
    agents: sorted(m.agents),
    infos: sorted(m.infos),
    queues: sorted(m.queues),
    queueIds: m.queueIds,
    slots: sorted(m.slots).map(([k, s]) => [k, [...s.members].sort(), s.counts]),
  };
}

function run(steps: Op[][]) {
  let t = 1_000_000;
  const floor = new Floor();
  const store = createSnapshotStore({ firstVersion: 100 });
  const listeners = new Set<(c: Commit) => void>();
  const health = (): GatewayHealth => ({ status: floor.status, lastSuccessAt: t, error: null });
  const live: LiveData = {
    snapshot: () => store.snapshot(health(), t),
    snapshotV2: () => store.snapshotV2(health(), t),
    onCommit: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onQuietPoll: () => () => {},
    pollMs: 1000,
    health,
    history: () => ({ stepSec: 10, from: 0, to: 0, queues: [] }),
  };
  const hub = createSseHub({
    live,
    metrics: testMetrics(),
    logger: silentLogger(),
    isSessionValid: () => true,
    heartbeatMs: 3_600_000,
    // Small, so some reconnects fall outside it and get a snapshot instead of a replay.
    ringSize: 3,
    now: () => t,
  });
  const connect = (scope: QueueScope, kept?: Browser) => {
    const b = new Browser(scope, kept);
    hub.connect(b as unknown as ServerResponse, {
      scope,
      sessionId: 's',
      lastEventId: kept?.lastId,
    });
    return b;
  };
  try {
    const browsers = SCOPES.map((scope) => connect(scope));
    let lastStatus = floor.status;
    for (const ops of steps) {
      t += 1000;
      for (const op of ops) {
        if (op.k === 'reconnect') {
          const old = browsers[op.client]!;
          old.end();
          browsers[op.client] = connect(old.scope, old);
        } else floor.apply(op, t);
      }
      const commit = store.commit({
        agents: new Map(floor.agents),
        queues: floor.queues(store.queues()),
        healthChanged: floor.status !== lastStatus,
        health: health(),
        serverTime: t,
      });
      lastStatus = floor.status;
      if (commit) for (const l of listeners) l(commit);

      for (const b of browsers) {
        const allowed = allowedOf(b.scope);
        const fresh = modelFromSnapshot(filterSnapshot(store.snapshotV2(health(), t), allowed));
        expect(b.model, `browser ${JSON.stringify(b.scope)} has a picture`).not.toBeNull();
        expect(b.model!.version).toBeLessThanOrEqual(store.version);
        expect(comparable(b.model!)).toEqual(comparable(fresh));
        // Members and counts derived in the browser are the server's own (v1 carries them).
        const v1 = filterSnapshot(store.snapshot(health(), t), allowed);
        expect([...b.model!.queues.values()].sort((x, y) => x.skillId - y.skillId)).toEqual(
          v1.queues,
        );
      }
    }
  } finally {
    hub.close();
  }
}

describe('stream v2: the browser equals a fresh snapshot', () => {
  it('after any sequence of changes, for every scope, with reconnects', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => run(steps)),
      { numRuns: 200 },
    );
  }, 120_000);

  it('a removed agent, a skill moved out of a scope and a queue gone, in one poll', () => {
    run([
      [
        { k: 'add', w: '1', skills: [1, 2], st: 0 },
        { k: 'add', w: '2', skills: [3], st: 1 },
        { k: 'listed', id: 6, on: true },
      ],
      [
        { k: 'remove', w: '1' },
        { k: 'skills', w: '2', skills: [6] },
        { k: 'listed', id: 6, on: false },
        { k: 'figure', id: 3, field: 'waiting', v: 4 },
      ],
      [
        { k: 'reconnect', client: 2 },
        { k: 'state', w: '2', st: 3, since: 5 },
      ],
    ]);
  });
});
