import type { Agent } from '@floorwatch/contracts/api';
import { matchesSearch, namesOrder, searchKey } from '@/i18n/search';
import { groupName, reasonName, type FloorNames } from '@/lib/floor-names';
import { STATE_ORDER } from '@/lib/states';
import { displayName, type ColumnId } from './columns';
import type { GridState } from './grid-url-state';

type Compare = (a: string, b: string) => number;

function compareBy(
  col: ColumnId,
  names: FloorNames,
  // Names in the language's order (pinyin under zh-CN), numbers by value: namesOrder(), once per
  // sort.
  text: Compare,
): (a: Agent, b: Agent) => number {
  switch (col) {
    case 'name':
      return (a, b) => text(displayName(a), displayName(b));
    case 'workno':
      return (a, b) => text(a.workno, b.workno);
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
      return (a, b) => text(a.phone, b.phone);
    case 'group':
      return (a, b) =>
        text(groupName(a.groupId, names), groupName(b.groupId, names)) || a.groupId - b.groupId;
    case 'vdn':
      return (a, b) => a.vdnId - b.vdnId;
    case 'reason':
      return (a, b) => text(reasonName(a.reason, names) ?? '', reasonName(b.reason, names) ?? '');
    case 'queues':
      return (a, b) => a.skills.length - b.skills.length;
  }
}

function mediaRank(a: Agent): number {
  return (a.media.voice ? 4 : 0) + (a.media.chat ? 2 : 0) + (a.media.email ? 1 : 0);
}

/**
 * Filters and sorts one queue's agents. Does not depend on the clock except for the minimum
 * time filter, so the order stays put between ticks. Ties break on work number (stable). Grouped
 * by agent group, the groups come in name order and the chosen sort holds inside each.
 */
export function selectRows(
  agents: readonly Agent[],
  state: Pick<GridState, 'sort' | 'dir' | 'states' | 'minSec' | 'q' | 'groups' | 'by'>,
  serverNow: number,
  names: FloorNames,
): Agent[] {
  const q = searchKey(state.q);
  const minMs = state.minSec * 1000;
  const rows = agents.filter(
    (a) =>
      (state.states.length === 0 || state.states.includes(a.state)) &&
      (state.groups.length === 0 || state.groups.includes(a.groupId)) &&
      (minMs === 0 || serverNow - a.stateSince >= minMs) &&
      matchesSearch(q, a.workno, a.name),
  );
  const text = namesOrder();
  const cmp = compareBy(state.sort, names, text);
  const byGroup = state.by === 'group' ? compareBy('group', names, text) : null;
  const sign = state.dir === 'asc' ? 1 : -1;
  rows.sort(
    (a, b) => (byGroup ? byGroup(a, b) : 0) || sign * cmp(a, b) || text(a.workno, b.workno),
  );
  return rows;
}

export type GridItem =
  { kind: 'agent'; agent: Agent } | { kind: 'group'; groupId: number; name: string; count: number };

/** Rows with a heading before each group's first agent (rows must be grouped already). */
export function withGroupHeadings(rows: readonly Agent[], names: FloorNames): GridItem[] {
  const out: GridItem[] = [];
  let heading: Extract<GridItem, { kind: 'group' }> | null = null;
  for (const agent of rows) {
    if (!heading || heading.groupId !== agent.groupId) {
      heading = {
        kind: 'group',
        groupId: agent.groupId,
        name: groupName(agent.groupId, names),
        count: 0,
      };
      out.push(heading);
    }
    heading.count += 1;
    out.push({ kind: 'agent', agent });
  }
  return out;
}

/** The groups of these agents, by name, for the group filter. */
export function groupsOf(
  agents: readonly Agent[],
  names: FloorNames,
): { groupId: number; name: string }[] {
  const ids = [...new Set(agents.map((a) => a.groupId))];
  const text = namesOrder();
  return ids
    .map((groupId) => ({ groupId, name: groupName(groupId, names) }))
    .sort((a, b) => text(a.name, b.name) || a.groupId - b.groupId);
}
