import type { Agent, Queue } from '@floorwatch/contracts/api';
import { compareNames, matchesSearch, searchKey } from '@/i18n/search';

export interface AgentHit {
  agent: Agent;
  /** The agent's queues that this user can open, in skill id order. */
  queues: Queue[];
}

/**
 * Agents across every queue whose work number or name contains `query` (case-insensitive, full-
 * width digits as typed by a Chinese input method match); an exact work number comes first, then
 * by name in the language's order. At most `limit` hits; only agents in at least one
 * queue this user can open.
 */
export function findAgents(
  query: string,
  agents: ReadonlyMap<string, Agent>,
  queues: ReadonlyMap<number, Queue>,
  limit = 20,
): { hits: AgentHit[]; total: number } {
  const q = searchKey(query);
  if (q === '') return { hits: [], total: 0 };
  const hits: AgentHit[] = [];
  for (const a of agents.values()) {
    if (!matchesSearch(q, a.workno, a.name)) continue;
    const qs = [...a.skills]
      .sort((x, y) => x - y)
      .flatMap((id) => {
        const queue = queues.get(id);
        return queue ? [queue] : [];
      });
    if (qs.length > 0) hits.push({ agent: a, queues: qs });
  }
  const name = (a: Agent) => a.name.trim() || a.workno;
  hits.sort(
    (x, y) =>
      Number(y.agent.workno.toLowerCase() === q) - Number(x.agent.workno.toLowerCase() === q) ||
      compareNames(name(x.agent), name(y.agent)) ||
      compareNames(x.agent.workno, y.agent.workno),
  );
  return { hits: hits.slice(0, limit), total: hits.length };
}
