// Per-user queue scope, applied on the server so a team lead's browser never receives an agent
// that is only in another lead's queue. An agent in an allowed and a non-allowed queue is sent
// with its skills cut down to the allowed ones; v1 queue counts stay the gateway's own. In v2 the
// browser derives members and counts from the agents it receives, which is exact: every member of
// an allowed queue is sent, with that queue among its skills.
import {
  sameNumbers,
  type Agent,
  type AgentChange,
  type Patch,
  type PatchV2,
  type QueueScope,
  type Snapshot,
  type SnapshotV2,
} from '@floorwatch/contracts/api';

export type Allowed = ReadonlySet<number> | null; // null = every queue

export function allowedOf(scope: QueueScope): Allowed {
  return scope === '*' ? null : new Set(scope);
}

export function scopeKey(scope: QueueScope): string {
  return scope === '*' ? '*' : [...new Set(scope)].sort((a, b) => a - b).join(',');
}

export function inScope(skillId: number, allowed: Allowed): boolean {
  return allowed === null || allowed.has(skillId);
}

export function filterAgent(agent: Agent, allowed: Allowed): Agent | null {
  if (allowed === null) return agent;
  const skills = agent.skills.filter((s) => allowed.has(s));
  if (skills.length === 0) return null;
  return skills.length === agent.skills.length ? agent : { ...agent, skills };
}

export function filterAgents(agents: readonly Agent[], allowed: Allowed): Agent[] {
  if (allowed === null) return agents as Agent[];
  const out: Agent[] = [];
  for (const a of agents) {
    const f = filterAgent(a, allowed);
    if (f) out.push(f);
  }
  return out;
}

export function filterSnapshot<S extends Snapshot | SnapshotV2>(s: S, allowed: Allowed): S {
  if (allowed === null) return s;
  return {
    ...s,
    queues: s.queues.filter((q) => allowed.has(q.skillId)),
    agents: filterAgents(s.agents, allowed),
  };
}

/**
 * `wasVisible(workno)` answers whether the agent was in scope before this patch, so an agent
 * that left the user's queues becomes a removal without naming agents the user never saw.
 */
export function filterPatch(
  p: Patch,
  allowed: Allowed,
  wasVisible: (workno: string) => boolean,
): Patch {
  if (allowed === null) return p;
  const agents: Agent[] = [];
  const removedAgents: string[] = [];
  for (const a of p.agents) {
    const f = filterAgent(a, allowed);
    if (f) agents.push(f);
    else if (wasVisible(a.workno)) removedAgents.push(a.workno);
  }
  for (const w of p.removedAgents) if (wasVisible(w)) removedAgents.push(w);
  return {
    ...p,
    agents,
    removedAgents,
    queues: p.queues.filter((q) => allowed.has(q.skillId)),
    removedQueues: p.removedQueues.filter((id) => allowed.has(id)),
  };
}

export function isEmptyPatch(p: Patch): boolean {
  return (
    p.agents.length === 0 &&
    p.queues.length === 0 &&
    p.removedAgents.length === 0 &&
    p.removedQueues.length === 0
  );
}

/** What a v2 patch needs beside itself to be cut to a scope; `advanceMirror` builds it. */
export interface PatchContext {
  /** Skills of each agent the patch changes or removes, as they were before it. */
  before: ReadonlyMap<string, readonly number[]>;
  /** The whole agent (after the patch) for each one whose skills changed: it may come into a
   *  scope, and a client seeing it for the first time needs all of it. */
  entering: ReadonlyMap<string, Agent>;
}

/**
 * Moves `mirror` (every agent's skills at the patch's base version) to the patch's version and
 * returns the context to cut it with. `whole` finds the agent after the patch; it is asked only
 * for agents whose skills changed.
 */
export function advanceMirror(
  mirror: Map<string, readonly number[]>,
  p: PatchV2,
  whole: (workno: string) => Agent | undefined,
): PatchContext {
  const before = new Map<string, readonly number[]>();
  const entering = new Map<string, Agent>();
  for (const a of p.agents) mirror.set(a.workno, a.skills);
  for (const c of p.agentChanges) {
    const prev = mirror.get(c.workno);
    if (prev) before.set(c.workno, prev);
    if (c.skills) {
      mirror.set(c.workno, c.skills);
      const a = whole(c.workno);
      if (a) entering.set(c.workno, a);
    }
  }
  for (const w of p.removedAgents) {
    const prev = mirror.get(w);
    if (prev) before.set(w, prev);
    mirror.delete(w);
  }
  return { before, entering };
}

const cut = (skills: readonly number[], allowed: ReadonlySet<number>) =>
  skills.filter((s) => allowed.has(s));

/**
 * A v2 patch as a user with this scope must see it: an agent coming into the scope is sent whole
 * (the user never saw it), one leaving it becomes a removal, and a change of skills outside the
 * scope is not sent at all.
 */
export function filterPatchV2(p: PatchV2, allowed: Allowed, ctx: PatchContext): PatchV2 {
  if (allowed === null) return p;
  const visible = (skills: readonly number[] | undefined) =>
    skills !== undefined && skills.some((k) => allowed.has(k));
  const agents = filterAgents(p.agents, allowed);
  const agentChanges: AgentChange[] = [];
  const removedAgents: string[] = [];
  for (const c of p.agentChanges) {
    const prev = ctx.before.get(c.workno);
    const was = visible(prev);
    if (c.skills === undefined) {
      if (was) agentChanges.push(c);
      continue;
    }
    const now = visible(c.skills);
    if (!was && now) {
      const whole = ctx.entering.get(c.workno);
      const f = whole ? filterAgent(whole, allowed) : null;
      if (f) agents.push(f);
      continue;
    }
    if (was && !now) removedAgents.push(c.workno);
    if (!was || !now) continue;
    const skills = cut(c.skills, allowed);
    if (!sameNumbers(skills, cut(prev ?? [], allowed))) agentChanges.push({ ...c, skills });
    else {
      const { skills: _outside, ...rest } = c;
      if (Object.keys(rest).length > 1) agentChanges.push(rest);
    }
  }
  for (const w of p.removedAgents) if (visible(ctx.before.get(w))) removedAgents.push(w);
  return {
    ...p,
    agents,
    agentChanges,
    removedAgents,
    queues: p.queues.filter((q) => allowed.has(q.skillId)),
    queueChanges: p.queueChanges.filter((q) => allowed.has(q.skillId)),
    removedQueues: p.removedQueues.filter((id) => allowed.has(id)),
  };
}

export function isEmptyPatchV2(p: PatchV2): boolean {
  return (
    p.agents.length === 0 &&
    p.agentChanges.length === 0 &&
    p.removedAgents.length === 0 &&
    p.queues.length === 0 &&
    p.queueChanges.length === 0 &&
    p.removedQueues.length === 0
  );
}
