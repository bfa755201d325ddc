import type { Agent } from '@floorwatch/contracts/api';
import { compareNames, matchesSearch, searchKey } from '@/i18n/search';
import { reasonText, STATE_ORDER } from '@/lib/states';
import { displayName, type ColumnId } from './columns';
import type { GridState } from './grid-url-state';

// Names in the language's order (pinyin under zh-CN), numbers by value.
const collator = { compare: compareNames };

function compareBy(col: ColumnId): (a: Agent, b: Agent) => number {
  switch (col) {
    case 'name':
      return (a, b) => collator.compare(displayName(a), displayName(b));
    case 'workno':
      return (a, b) => collator.compare(a.workno, b.workno);
    case 'state':
      return (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state);
    // Longer in state = earlier stateSince: ascending time is descending stateSince.
    case 'timeInState':
      return (a, b) => b.stateSince - a.stateSince;
    case 'signIn':
      return (a, b) => (a.loginAt ?? Infinity) - (b.loginAt ?? Infinity);
    case 'media':
      return (a, b) => mediaRank(a) - mediaRank(b);
    case 'phone':
      return (a, b) => collator.compare(a.phone, b.phone);
    case 'group':
      return (a, b) => a.groupId - b.groupId;
    case 'vdn':
      return (a, b) => a.vdnId - b.vdnId;
    case 'reason':
      return (a, b) => collator.compare(reasonText(a.reason) ?? '', reasonText(b.reason) ?? '');
    case 'queues':
      return (a, b) => a.skills.length - b.skills.length;
  }
}

function mediaRank(a: Agent): number {
  return (a.media.voice ? 4 : 0) + (a.media.chat ? 2 : 0) + (a.media.email ? 1 : 0);
}

/**
 * Filters and sorts one queue's agents. Does not depend on the clock except for the minimum
 * time filter, so the order stays put between ticks. Ties break on work number (stable).
 */
export function selectRows(
  agents: readonly Agent[],
  state: Pick<GridState, 'sort' | 'dir' | 'states' | 'minSec' | 'q'>,
  serverNow: number,
): Agent[] {
  const q = searchKey(state.q);
  const minMs = state.minSec * 1000;
  const rows = agents.filter(
    (a) =>
      (state.states.length === 0 || state.states.includes(a.state)) &&
      (minMs === 0 || serverNow - a.stateSince >= minMs) &&
      matchesSearch(q, a.workno, a.name),
  );
  const cmp = compareBy(state.sort);
  const sign = state.dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => sign * cmp(a, b) || collator.compare(a.workno, b.workno));
  return rows;
}
