import type { Queue } from '@floorwatch/contracts/api';
import { compareNames } from '@/i18n/search';
import type { QueueSort } from './overview-url-state';

/** Figures a queue is ranked by; `crit` is how many of its agents are past the critical limit. */
export interface Urgency {
  crit: number;
}

const byWait = (a: Queue, b: Queue) => (b.longestWaitSec ?? -1) - (a.longestWaitSec ?? -1);
const byWaiting = (a: Queue, b: Queue) => (b.waiting ?? -1) - (a.waiting ?? -1);

/**
 * Queues in the chosen order. Urgency: most agents past the critical limit, then the longest
 * wait, then the most calls waiting; ties (and every other order's ties) by skill id, so the
 * order is stable between ticks. Does not modify its input.
 */
export function sortQueues(
  queues: readonly Queue[],
  sort: QueueSort,
  urgency: (q: Queue) => Urgency = () => ({ crit: 0 }),
): Queue[] {
  const out = [...queues];
  const byId = (a: Queue, b: Queue) => a.skillId - b.skillId;
  switch (sort) {
    case 'id':
      return out.sort(byId);
    case 'name':
      // In the language's order: pinyin under zh-CN.
      return out.sort((a, b) => compareNames(a.name, b.name) || byId(a, b));
    case 'wait':
      return out.sort((a, b) => byWait(a, b) || byWaiting(a, b) || byId(a, b));
    case 'waiting':
      return out.sort((a, b) => byWaiting(a, b) || byWait(a, b) || byId(a, b));
    case 'urgency': {
      const crit = new Map(out.map((q) => [q.skillId, urgency(q).crit]));
      return out.sort(
        (a, b) =>
          (crit.get(b.skillId) ?? 0) - (crit.get(a.skillId) ?? 0) ||
          byWait(a, b) ||
          byWaiting(a, b) ||
          byId(a, b),
      );
    }
  }
}
