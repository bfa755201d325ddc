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

/** Each agent of these queues once (however many of them it is in), and the memberships. */
export function uniqueMembers(queues: readonly Queue[]): {
  worknos: readonly string[];
  memberships: number;
} {
  const seen = new Set<string>();
  let memberships = 0;
  for (const q of queues) {
    memberships += q.agents.length;
    for (const w of q.agents) seen.add(w);
  }
  return { worknos: [...seen], memberships };
}

let lastMembers: {
  lists: readonly (readonly string[])[];
  members: ReturnType<typeof uniqueMembers>;
} | null = null;

/**
 * uniqueMembers, worked out again only when a member list changed: a patch makes new queue
 * objects for new figures every poll but keeps each member list while its membership holds, and
 * walking 10,000 agents' memberships on every patch costs frames. The same result object comes
 * back while nothing changed, so it can be a memo dependency.
 */
export function uniqueMembersCached(queues: readonly Queue[]): ReturnType<typeof uniqueMembers> {
  const lists = queues.map((q) => q.agents);
  const prev = lastMembers;
  if (prev && prev.lists.length === lists.length && prev.lists.every((l, i) => l === lists[i]))
    return prev.members;
  const members = uniqueMembers(queues);
  lastMembers = { lists, members };
  return members;
}

/** Each agent once, however many of the queues it is in; and the memberships counted apart. */
export function countAgents(
  queues: readonly Queue[],
  agents: ReadonlyMap<string, Agent>,
  members = uniqueMembers(queues),
): { agents: number; memberships: number; byState: Partial<Record<Agent['state'], number>> } {
  const byState: Partial<Record<Agent['state'], number>> = {};
  for (const w of members.worknos) {
    const a = agents.get(w);
    if (a) byState[a.state] = (byState[a.state] ?? 0) + 1;
  }
  return { agents: members.worknos.length, memberships: members.memberships, byState };
}
