import type { Agent, Queue } from '@floorwatch/contracts/api';

export interface AgentHit {
  agent: Agent;
  /** The agent's queues that this user can open, in skill id order. */
  queues: Queue[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Agents across every queue whose work number or name contains `query` (case-insensitive); an
 * exact work number comes first, then by name. At most `limit` hits; only agents in at least one
 * queue this user can open.
 */
export function findAgents(
  query: string,
  agents: Readonly<Record<string, Agent>>,
  queues: Readonly<Record<number, Queue | undefined>>,
  limit = 20,
): { hits: AgentHit[]; total: number } {
  const q = query.trim().toLowerCase();
  if (q === '') return { hits: [], total: 0 };
  const hits: AgentHit[] = [];
  for (const a of Object.values(agents)) {
    if (!a.workno.toLowerCase().includes(q) && !a.name.toLowerCase().includes(q)) continue;
    const qs = [...a.skills]
      .sort((x, y) => x - y)
      .flatMap((id) => (queues[id] ? [queues[id]] : []));
    if (qs.length > 0) hits.push({ agent: a, queues: qs });
  }
  const name = (a: Agent) => a.name.trim() || a.workno;
  hits.sort(
    (x, y) =>
      Number(y.agent.workno.toLowerCase() === q) - Number(x.agent.workno.toLowerCase() === q) ||
      collator.compare(name(x.agent), name(y.agent)) ||
      collator.compare(x.agent.workno, y.agent.workno),
  );
  return { hits: hits.slice(0, limit), total: hits.length };
}
