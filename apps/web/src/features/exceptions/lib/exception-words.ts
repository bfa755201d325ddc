// How an exception reads, in one place for the panel and the screen.
import type { Queue } from '@floorwatch/contracts/api';
import type { ExceptionRow } from '@/lib/exceptions';
import { defineMessages } from '@/i18n/messages';
import { formatDuration } from '@/lib/format';
import { stateLabel } from '@/lib/states';
import { limitName } from '@/lib/thresholds';
import { activeIntl } from '@/stores/locale-store';

const M = defineMessages({
  reason: { id: 'exceptions.broken.reason', defaultMessage: '{level}: {reason} limit {time}' },
  state: { id: 'exceptions.broken.state', defaultMessage: '{level}: {state} limit {time}' },
  queue: {
    id: 'exceptions.broken.queue',
    defaultMessage: '{level}: {state} limit of {queue} {time}',
  },
  queueN: { id: 'exceptions.queue', defaultMessage: 'queue {skillId}' },
  title: { id: 'exceptions.title', defaultMessage: 'Exceptions' },
  none: { id: 'exceptions.none', defaultMessage: 'Nobody is past a time limit right now.' },
  loading: { id: 'exceptions.loading', defaultMessage: 'Waiting for live data…' },
  panelTitle: { id: 'exceptions.panel.title', defaultMessage: 'Needs attention now' },
  seeAll: {
    id: 'exceptions.panel.see-all',
    defaultMessage: 'See all {count, number} on the Exceptions screen',
  },
});

/** "Critical: Lunch limit 1:15:00", "Warning: Wrap-up limit of Billing 2:00". */
export function brokenLimitText(r: ExceptionRow, queues: ReadonlyMap<number, Queue>): string {
  const intl = activeIntl();
  const s = r.applied.source;
  const v = {
    level: limitName(r.level),
    time: formatDuration(r.limitSec * 1000),
    state: stateLabel(r.agent.state),
  };
  if (s.kind === 'reason') return intl.formatMessage(M.reason, { ...v, reason: s.name });
  if (s.kind === 'site') return intl.formatMessage(M.state, v);
  const queue = queues.get(s.skillId)?.name ?? intl.formatMessage(M.queueN, { skillId: s.skillId });
  return intl.formatMessage(M.queue, { ...v, queue });
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

/** The words the panel and the screen share, in the active language. */
export const EXCEPTION_WORDS = {
  title: () => activeIntl().formatMessage(M.title),
  none: () => activeIntl().formatMessage(M.none),
  loading: () => activeIntl().formatMessage(M.loading),
  panelTitle: () => activeIntl().formatMessage(M.panelTitle),
  seeAll: (n: number) => activeIntl().formatMessage(M.seeAll, { count: n }),
} as const;
