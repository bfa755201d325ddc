// The live picture as pure data: built from a stream v2 snapshot, moved on by each patch. Queue
// membership and state counts are not sent (docs/decisions/0011-stream-v2.md): they are derived
// here from each agent's `skills` and `state`, incrementally, touching only the queues of the
// agents a patch changes. Nothing is mutated: a patch returns a new model that shares every
// unchanged object with the old one, so selectors compare references, and the property test can
// compare a patched model with one built from a fresh snapshot of the same version.
import {
  agentState,
  applyAgentChange,
  applyQueueChange,
  sameAgent,
  sameQueue,
  sameStrings,
  type Agent,
  type PatchV2,
  type Queue,
  type QueueInfo,
  type SnapshotV2,
  type StateCounts,
} from '@floorwatch/contracts/api';

/** The members and counts of one skill id that some agent holds. A new object whenever one of
 *  its members changes (or joins or leaves): the revision a member list is selected by. */
export interface QueueSlot {
  readonly members: ReadonlySet<string>;
  readonly counts: StateCounts;
}

export interface LiveModel {
  readonly version: number;
  readonly agents: ReadonlyMap<string, Agent>;
  /** Each queue's own figures, as the server sent them. */
  readonly infos: ReadonlyMap<number, QueueInfo>;
  readonly slots: ReadonlyMap<number, QueueSlot>;
  /** Each queue with its members (worknos, sorted) and counts: a new object only when one of
   *  those or its figures change, never because a member's time in state moved. */
  readonly queues: ReadonlyMap<number, Queue>;
  /** Skill ids in display order (ascending). */
  readonly queueIds: readonly number[];
}

/** A patch that does not fit the model (a change to an agent or queue it does not hold): the
 *  caller treats it as a gap and takes a fresh snapshot. */
export class PatchMismatch extends Error {}

type AgentState = Agent['state'];
const STATES = agentState.options;
export const NO_COUNTS: StateCounts = Object.freeze(
  Object.fromEntries(STATES.map((s) => [s, 0])) as StateCounts,
);

const byWorkno = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedIds = (infos: ReadonlyMap<number, QueueInfo>) =>
  [...infos.keys()].sort((x, y) => x - y);

function viewOf(info: QueueInfo, agents: readonly string[], counts: StateCounts, prev?: Queue) {
  const view: Queue = { ...info, agents: agents as string[], counts };
  return prev && sameQueue(prev, view) ? prev : view;
}

// ---- snapshot ------------------------------------------------------------------------------

/** Work between two yields of modelFromSnapshotSteps, in agents (or queues). */
const STEP = 500;

/**
 * The model of a snapshot. With `prev` (a resync), unchanged agents, queues and member lists keep
 * their objects, so nothing on screen re-renders for what did not change.
 */
export function modelFromSnapshot(s: SnapshotV2, prev?: LiveModel | null): LiveModel {
  const steps = modelFromSnapshotSteps(s, prev);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** modelFromSnapshot in steps: it yields every few hundred agents, so a caller can spread a
 *  10,000-agent snapshot over several short tasks. */
export function* modelFromSnapshotSteps(
  s: SnapshotV2,
  prev?: LiveModel | null,
): Generator<void, LiveModel> {
  const agents = new Map<string, Agent>();
  // Skills whose member list may differ from `prev`'s: those of every agent that is new,
  // changed or gone.
  const dirty = new Set<number>();
  let n = 0;
  for (const a of s.agents) {
    if (++n % STEP === 0) yield;
    const old = prev?.agents.get(a.workno);
    if (old && sameAgent(old, a)) agents.set(a.workno, old);
    else {
      agents.set(a.workno, a);
      for (const k of a.skills) dirty.add(k);
      if (old) for (const k of old.skills) dirty.add(k);
    }
  }
  if (prev)
    for (const [w, old] of prev.agents)
      if (!agents.has(w)) for (const k of old.skills) dirty.add(k);
  yield;

  const members = new Map<number, Set<string>>();
  const counts = new Map<number, Record<AgentState, number>>();
  for (const a of agents.values()) {
    if (++n % STEP === 0) yield;
    for (const k of a.skills) {
      let m = members.get(k);
      let c = counts.get(k);
      if (!m || !c) {
        m = new Set();
        c = { ...NO_COUNTS };
        members.set(k, m);
        counts.set(k, c);
      }
      m.add(a.workno);
      c[a.state] += 1;
    }
  }
  const slots = new Map<number, QueueSlot>();
  for (const [k, m] of members) {
    const old = prev?.slots.get(k);
    slots.set(k, old && !dirty.has(k) ? old : { members: m, counts: counts.get(k)! });
  }
  yield;

  const infos = new Map<number, QueueInfo>();
  const queues = new Map<number, Queue>();
  for (const info of s.queues) {
    if (++n % STEP === 0) yield;
    const id = info.skillId;
    infos.set(id, info);
    const slot = slots.get(id);
    const old = prev?.queues.get(id);
    const list = slot ? [...slot.members].sort(byWorkno) : [];
    const kept = old && sameStrings(old.agents, list) ? old.agents : list;
    queues.set(id, viewOf(info, kept, slot?.counts ?? NO_COUNTS, old));
  }
  const ids = sortedIds(infos);
  return {
    version: s.version,
    agents,
    infos,
    slots,
    queues,
    queueIds: prev && sameNumbers(prev.queueIds, ids) ? prev.queueIds : ids,
  };
}

function sameNumbers(a: readonly number[], b: readonly number[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// ---- patch ---------------------------------------------------------------------------------

interface Draft {
  base: QueueSlot | undefined;
  members: Set<string> | null;
  counts: Record<AgentState, number> | null;
}

/** The model after `p`; the caller has checked that `p.baseVersion` is the model's version. */
export function applyPatch(m: LiveModel, p: PatchV2): LiveModel {
  const touchesAgents = p.agents.length + p.agentChanges.length + p.removedAgents.length > 0;
  // Copied only when touched; the loops below do not run otherwise.
  const agents = (touchesAgents ? new Map(m.agents) : m.agents) as Map<string, Agent>;
  const drafts = new Map<number, Draft>();
  const draft = (k: number): Draft => {
    let d = drafts.get(k);
    if (!d) {
      d = { base: m.slots.get(k), members: null, counts: null };
      drafts.set(k, d);
    }
    return d;
  };
  const countsOf = (d: Draft) => (d.counts ??= { ...(d.base?.counts ?? NO_COUNTS) });
  const join = (k: number, a: Agent) => {
    const d = draft(k);
    (d.members ??= new Set(d.base?.members)).add(a.workno);
    countsOf(d)[a.state] += 1;
  };
  const leave = (k: number, a: Agent) => {
    const d = draft(k);
    (d.members ??= new Set(d.base?.members)).delete(a.workno);
    countsOf(d)[a.state] -= 1;
  };

  for (const w of p.removedAgents) {
    const old = agents.get(w);
    if (!old) continue; // already gone: nothing of it is left to remove
    agents.delete(w);
    for (const k of old.skills) leave(k, old);
  }
  /** An agent replaced by `next`: only the queues it left, joined or changed state in move. */
  const replace = (old: Agent, next: Agent) => {
    agents.set(next.workno, next);
    for (const k of old.skills) if (!next.skills.includes(k)) leave(k, old);
    for (const k of next.skills) {
      if (!old.skills.includes(k)) join(k, next);
      else if (old.state !== next.state) {
        const counts = countsOf(draft(k));
        counts[old.state] -= 1;
        counts[next.state] += 1;
      } else draft(k); // same counts, but a member changed: a new revision of its list
    }
  };
  for (const a of p.agents) {
    const old = agents.get(a.workno);
    if (!old) {
      agents.set(a.workno, a);
      for (const k of a.skills) join(k, a);
    } else if (!sameAgent(old, a)) replace(old, a);
  }
  for (const c of p.agentChanges) {
    const old = agents.get(c.workno);
    if (!old) throw new PatchMismatch(`change of an unknown agent ${c.workno}`);
    replace(old, applyAgentChange(old, c));
  }

  const queuesTouched = p.queues.length + p.queueChanges.length + p.removedQueues.length > 0;
  const infos = (queuesTouched ? new Map(m.infos) : m.infos) as Map<number, QueueInfo>;
  const infoChanged = new Set<number>();
  for (const id of p.removedQueues) if (infos.delete(id)) infoChanged.add(id);
  for (const q of p.queues) {
    infos.set(q.skillId, q);
    infoChanged.add(q.skillId);
  }
  for (const c of p.queueChanges) {
    const old = infos.get(c.skillId);
    if (!old) throw new PatchMismatch(`change of an unknown queue ${c.skillId}`);
    infos.set(c.skillId, applyQueueChange(old, c));
    infoChanged.add(c.skillId);
  }

  const slots = (drafts.size > 0 ? new Map(m.slots) : m.slots) as Map<number, QueueSlot>;
  const listChanged = new Set<number>();
  for (const [k, d] of drafts) {
    const members = d.members ?? d.base?.members ?? new Set<string>();
    if (d.members) listChanged.add(k);
    if (members.size === 0) slots.delete(k);
    else slots.set(k, { members, counts: d.counts ?? d.base?.counts ?? NO_COUNTS });
  }

  const rebuild = new Set<number>(infoChanged);
  for (const [k, d] of drafts) if (d.members || d.counts) rebuild.add(k);
  let queues = m.queues;
  if (rebuild.size > 0) {
    const next = new Map(m.queues);
    for (const id of rebuild) {
      const info = infos.get(id);
      if (!info) {
        next.delete(id);
        continue;
      }
      const old = m.queues.get(id);
      const slot = slots.get(id);
      const list =
        old && !listChanged.has(id) ? old.agents : slot ? [...slot.members].sort(byWorkno) : [];
      next.set(id, viewOf(info, list, slot?.counts ?? NO_COUNTS, old));
    }
    queues = next;
  }
  const idsChanged = p.queues.length + p.removedQueues.length > 0;
  return {
    version: p.version,
    agents,
    infos,
    slots,
    queues,
    queueIds: idsChanged ? sortedIds(infos) : m.queueIds,
  };
}

// ---- reading -------------------------------------------------------------------------------

const memberLists = new WeakMap<QueueSlot, readonly Agent[]>();
const NO_AGENTS: readonly Agent[] = Object.freeze([]);

/** The agents of a queue, by workno; the same array until one of them changes. */
export function queueMembers(
  m: Pick<LiveModel, 'agents' | 'slots' | 'queues'>,
  skillId: number,
): readonly Agent[] {
  const slot = m.slots.get(skillId);
  if (!slot) return NO_AGENTS;
  let list = memberLists.get(slot);
  if (!list) {
    // The queue's sorted workno list is kept while membership holds: no sort per revision.
    const known = m.queues.get(skillId)?.agents;
    const order =
      known && known.length === slot.members.size ? known : [...slot.members].sort(byWorkno);
    const out: Agent[] = [];
    for (const w of order) {
      const a = m.agents.get(w);
      if (a) out.push(a);
    }
    list = out;
    memberLists.set(slot, list);
  }
  return list;
}
