// The browser's store, driven as the stream drives it: after any sequence of v2 patches (with
// resumes that replay missed patches, duplicates after a reconnect, a gap that forces a resync,
// and a team lead's scoped view), the store holds what a fresh snapshot of the same version
// gives, and every queue's members and counts are what the agents' skills and states say. The
// patches are made here from two pictures with the contract's own field-level delta, cut to the
// user's queues as the BFF cuts them (an agent coming into scope arrives whole).
import {
  agentChangeOf,
  patchV2,
  queueChangeOf,
  snapshotV2,
  type Agent,
  type AgentChange,
  type PatchV2,
  type QueueChange,
  type QueueInfo,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import { AGENT_STATES } from '@floorwatch/contracts/gateway';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { healthy, T0 } from '../../test/fixtures';
import { modelFromSnapshot, queueMembers, type LiveModel } from './live-model';
import { useLiveStore } from './live-store';

const SKILLS = [1, 2, 3, 4, 5];
const WORKNOS = ['1', '2', '3', '4', '5', '6', '7', '8'];
const STATES = [
  ['idle', 4],
  ['talking', 7],
  ['wrapup', 5],
  ['busy', 3],
  ['rest', 8],
] as const;

interface Floor {
  agents: Map<string, Agent>;
  queues: Map<number, QueueInfo>;
}

type Op =
  | { k: 'put'; w: string; skills: number[]; st: number; name: string }
  | { k: 'state'; w: string; st: number }
  | { k: 'skills'; w: string; skills: number[] }
  | { k: 'remove'; w: string }
  | { k: 'queue'; id: number; waiting: number | null; serviceLevel: number | null }
  | { k: 'dropQueue'; id: number };

/** How a patch reaches the store: in order, replayed after a resume, twice, or lost. */
type Delivery = 'live' | 'held' | 'duplicate' | 'lost';

const worknoArb = fc.constantFrom(...WORKNOS);
const skillsArb = fc.subarray(SKILLS, { minLength: 1, maxLength: 3 });
const stArb = fc.nat(STATES.length - 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    k: fc.constant('put' as const),
    w: worknoArb,
    skills: skillsArb,
    st: stArb,
    name: fc.constantFrom('Ann', 'Bo'),
  }),
  fc.record({ k: fc.constant('state' as const), w: worknoArb, st: stArb }),
  fc.record({ k: fc.constant('skills' as const), w: worknoArb, skills: skillsArb }),
  fc.record({ k: fc.constant('remove' as const), w: worknoArb }),
  fc.record({
    k: fc.constant('queue' as const),
    id: fc.constantFrom(...SKILLS),
    waiting: fc.option(fc.nat(20), { nil: null }),
    serviceLevel: fc.option(fc.nat(100), { nil: null }),
  }),
  fc.record({ k: fc.constant('dropQueue' as const), id: fc.constantFrom(...SKILLS) }),
);
const stepArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
  delivery: fc.constantFrom<Delivery>('live', 'live', 'live', 'held', 'duplicate', 'lost'),
});
const scopeArb = fc.constantFrom<readonly number[] | null>(null, [1], [2, 3]);

function queueInfo(id: number, over: Partial<QueueInfo> = {}): QueueInfo {
  return {
    skillId: id,
    name: `Skill ${id}`,
    mediaType: 5,
    waiting: null,
    longestWaitSec: null,
    serviceLevel: null,
    loggedOnAgents: null,
    availAgents: null,
    maxQueueSize: null,
    resourceIdleRate: null,
    agentCountMismatchSince: null,
    ...over,
  };
}

function step(f: Floor, op: Op, t: number): void {
  const a = 'w' in op ? f.agents.get(op.w) : undefined;
  const stateOf = (st: number) => {
    const [state, status] = STATES[st]!;
    return { state, status, stateSince: t };
  };
  switch (op.k) {
    case 'put':
      f.agents.set(op.w, {
        workno: op.w,
        name: op.name,
        ...stateOf(op.st),
        ctiStatus: 1,
        loginAt: T0,
        media: { voice: true, chat: false, email: false },
        vdnId: 1,
        groupId: 1,
        phone: '',
        reason: 0,
        skills: op.skills,
      });
      break;
    case 'state':
      if (a) f.agents.set(op.w, { ...a, ...stateOf(op.st) });
      break;
    case 'skills':
      if (a) f.agents.set(op.w, { ...a, skills: op.skills });
      break;
    case 'remove':
      f.agents.delete(op.w);
      break;
    case 'queue':
      f.queues.set(op.id, queueInfo(op.id, { waiting: op.waiting, serviceLevel: op.serviceLevel }));
      break;
    case 'dropQueue':
      f.queues.delete(op.id);
      break;
  }
  // The gateway lists a queue while anybody is signed in to it.
  for (const x of f.agents.values())
    for (const k of x.skills) if (!f.queues.has(k)) f.queues.set(k, queueInfo(k));
}

/** The floor as a user with these queues sees it (null: every queue). */
function view(f: Floor, scope: readonly number[] | null): Floor {
  if (scope === null) return { agents: new Map(f.agents), queues: new Map(f.queues) };
  const agents = new Map<string, Agent>();
  for (const a of f.agents.values()) {
    const skills = a.skills.filter((k) => scope.includes(k));
    if (skills.length > 0) agents.set(a.workno, { ...a, skills });
  }
  const queues = new Map([...f.queues].filter(([id]) => scope.includes(id)));
  return { agents, queues };
}

function snapshotOf(v: Floor, version: number, t: number): SnapshotV2 {
  return snapshotV2.parse({
    version,
    serverTime: t,
    gateway: healthy,
    queues: [...v.queues.values()].sort((x, y) => x.skillId - y.skillId),
    agents: [...v.agents.values()],
  });
}

function patchOf(prev: Floor, next: Floor, baseVersion: number, t: number): PatchV2 {
  const agents: Agent[] = [];
  const agentChanges: AgentChange[] = [];
  for (const a of next.agents.values()) {
    const old = prev.agents.get(a.workno);
    if (!old) agents.push(a);
    else {
      const c = agentChangeOf(old, a);
      if (c) agentChanges.push(c);
    }
  }
  const queues: QueueInfo[] = [];
  const queueChanges: QueueChange[] = [];
  for (const q of next.queues.values()) {
    const old = prev.queues.get(q.skillId);
    if (!old) queues.push(q);
    else {
      const c = queueChangeOf(old, q);
      if (c) queueChanges.push(c);
    }
  }
  return patchV2.parse({
    baseVersion,
    version: baseVersion + 1,
    serverTime: t,
    gateway: healthy,
    agents,
    agentChanges,
    removedAgents: [...prev.agents.keys()].filter((w) => !next.agents.has(w)),
    queues,
    queueChanges,
    removedQueues: [...prev.queues.keys()].filter((id) => !next.queues.has(id)),
  });
}

/** What every screen reads, in an order-free form. */
function readable(m: Omit<LiveModel, 'version'> & { version: number | null }) {
  const byKey = <K, V>(map: ReadonlyMap<K, V>) =>
    [...map.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  return {
    version: m.version,
    agents: byKey(m.agents),
    queues: byKey(m.queues),
    queueIds: m.queueIds,
    members: m.queueIds.map((id) => queueMembers(m, id).map((a) => a.workno)),
    counts: m.queueIds.map((id) => m.queues.get(id)?.counts),
  };
}

/** Members and counts straight from the agents (not through the store's incremental paths). */
function derived(v: Floor) {
  return [...v.queues.keys()]
    .sort((x, y) => x - y)
    .map((id) => {
      const members = [...v.agents.values()].filter((a) => a.skills.includes(id));
      const counts = Object.fromEntries(AGENT_STATES.map((st) => [st, 0]));
      for (const m of members) counts[m.state]! += 1;
      return { id, agents: members.map((m) => m.workno).sort(), counts };
    });
}

function run(scope: readonly number[] | null, steps: { ops: Op[]; delivery: Delivery }[]) {
  const store = () => useLiveStore.getState();
  store().reset();
  const floor: Floor = { agents: new Map(), queues: new Map([[1, queueInfo(1)]]) };
  let t = T0;
  let version = 100;
  let seen = view(floor, scope);
  store().applySnapshot(snapshotOf(seen, version, t), t);
  /** Patches sent while the stream was down: replayed on resume (Last-Event-ID). */
  let held: PatchV2[] = [];

  for (const { ops, delivery } of steps) {
    t += 1000;
    for (const op of ops) step(floor, op, t);
    const next = view(floor, scope);
    const p = patchOf(seen, next, version, t);
    version += 1;
    seen = next;

    // As the stream hands a patch over; one that does not fit makes the store ask for a fresh
    // snapshot, which the SPA then fetches (the current picture).
    const deliver = (x: PatchV2) => {
      const r = store().applyPatch(x, t);
      if (r === 'gap') {
        expect(store().resyncNeeded).toBe(true);
        store().applySnapshot(snapshotOf(next, version, t), t);
      } else expect(['applied', 'stale']).toContain(r);
    };
    if (delivery === 'held') held.push(p);
    else {
      // Resumed with Last-Event-ID: the missed patches first, in order, then this one.
      for (const h of held) deliver(h);
      held = [];
      // A lost patch: the next one does not fit, and the store asks for a fresh snapshot.
      if (delivery === 'lost') continue;
      deliver(p);
      if (delivery === 'duplicate') expect(store().applyPatch(p, t)).toBe('stale');
    }
    if (held.length > 0) continue;

    const got = readable(store());
    expect(got.version).toBe(version);
    expect(got).toEqual(readable(modelFromSnapshot(snapshotOf(next, version, t))));
    expect(
      got.queueIds.map((id, i) => ({ id, agents: got.members[i], counts: got.counts[i] })),
    ).toEqual(derived(next));
  }
}

describe('live store: v2 patches give what a fresh snapshot gives', () => {
  beforeEach(() => useLiveStore.getState().reset());

  it('for any sequence of changes, any scope, with resumes, duplicates and gaps', () => {
    fc.assert(fc.property(scopeArb, fc.array(stepArb, { minLength: 1, maxLength: 30 }), run), {
      numRuns: 150,
    });
  }, 120_000);
});
