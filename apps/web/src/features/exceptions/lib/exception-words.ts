// How an exception reads, in one place for the panel and the screen.
import type { Queue } from '@floorwatch/contracts/api';
import type { ExceptionRow } from '@/lib/exceptions';
import { formatDuration } from '@/lib/format';
import { AGENT_STATE_LABELS } from '@/lib/states';
import { LIMIT_NAME } from '@/lib/thresholds';

/** "Critical: Lunch limit 1:15:00", "Warning: Wrap-up limit 2:00 (Billing)". */
export function brokenLimitText(r: ExceptionRow, queues: ReadonlyMap<number, Queue>): string {
  const s = r.applied.source;
  const what =
    s.kind === 'reason'
      ? `${s.name} limit`
      : `${AGENT_STATE_LABELS[r.agent.state]} limit${s.kind === 'queue' ? ` of ${queues.get(s.skillId)?.name ?? `queue ${s.skillId}`}` : ''}`;
  return `${LIMIT_NAME[r.level]}: ${what} ${formatDuration(r.limitSec * 1000)}`;
}

/** The queue to open the agent in: the one whose limit broke, else the first one in view. */
export function agentQueue(r: ExceptionRow, queues: ReadonlyMap<number, Queue>): number | null {
  const s = r.applied.source;
  if (s.kind === 'queue' && queues.has(s.skillId)) return s.skillId;
  return r.agent.skills.find((id) => queues.has(id)) ?? null;
}

/** The agent's queues by name, those in view. */
export function queueNames(r: ExceptionRow, queues: ReadonlyMap<number, Queue>): string[] {
  return r.agent.skills.flatMap((id) => {
    const q = queues.get(id);
    return q ? [q.name] : [];
  });
}

export const EXCEPTION_WORDS = {
  title: 'Exceptions',
  none: 'Nobody is past a time limit right now.',
  loading: 'Waiting for live data…',
  panelTitle: 'Needs attention now',
  seeAll: (n: number) => `See all ${n} on the Exceptions screen`,
} as const;
