import type { Agent, Queue } from '@floorwatch/contracts/api';
import type { OverviewState } from './overview-url-state';

export function filterQueues(queues: readonly Queue[], f: OverviewState): Queue[] {
  const q = f.q.trim().toLowerCase();
  return queues.filter(
    (queue) =>
      (q === '' || queue.name.toLowerCase().includes(q) || String(queue.skillId) === q) &&
      (f.media.length === 0 || f.media.includes(queue.mediaType)) &&
      (f.states.length === 0 || f.states.some((s) => (queue.counts[s] ?? 0) > 0)),
  );
}

/** Each agent once, however many of the queues it is in; and the memberships counted apart. */
export function countAgents(
  queues: readonly Queue[],
  agents: ReadonlyMap<string, Agent>,
): { agents: number; memberships: number; byState: Partial<Record<Agent['state'], number>> } {
  const seen = new Set<string>();
  let memberships = 0;
  const byState: Partial<Record<Agent['state'], number>> = {};
  for (const q of queues) {
    memberships += q.agents.length;
    for (const w of q.agents) {
      if (seen.has(w)) continue;
      seen.add(w);
      const a = agents.get(w);
      if (a) byState[a.state] = (byState[a.state] ?? 0) + 1;
    }
  }
  return { agents: seen.size, memberships, byState };
}
