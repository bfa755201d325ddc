// Per-user queue scope, applied on the server so a team lead's browser never receives an agent
// that is only in another lead's queue. An agent in an allowed and a non-allowed queue is sent
// with its skills cut down to the allowed ones; queue counts stay the gateway's own.
import type { Agent, Patch, QueueScope, Snapshot } from '@floorwatch/contracts/api';

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

export function filterSnapshot(s: Snapshot, allowed: Allowed): Snapshot {
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
