// Addresses inside the SPA that more than one screen builds: one place for each.

/** The search param of a queue page that opens one agent's detail. */
export const AGENT_PARAM = 'agent';

export function queuePath(skillId: number): string {
  return `/queues/${skillId}`;
}

/** A queue page with one agent's detail open. */
export function queueAgentPath(skillId: number, workno: string): string {
  return `${queuePath(skillId)}?${new URLSearchParams({ [AGENT_PARAM]: workno }).toString()}`;
}
