// Names a site gives to the gateway's bare numbers: reason codes ("Lunch") and agent groups
// ("Team North"), from the shared settings an admin edits. One place for each fallback.
import type { Group, Reason } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { reasonText } from '@/lib/states';
import { activeIntl } from '@/stores/locale-store';

const M = defineMessages({
  withCode: { id: 'reason.with-code', defaultMessage: '{name} (code {code})' },
  group: { id: 'group.unnamed', defaultMessage: 'Group {groupId}' },
});

export interface FloorNames {
  reasons: ReadonlyMap<number, Reason>;
  groups: ReadonlyMap<number, Group>;
}

export const NO_NAMES: FloorNames = { reasons: new Map(), groups: new Map() };

export function floorNames(s: {
  reasons: readonly Reason[];
  groups: readonly Group[];
}): FloorNames {
  return {
    reasons: new Map(s.reasons.map((r) => [r.code, r])),
    groups: new Map(s.groups.map((g) => [g.groupId, g])),
  };
}

/**
 * A reason code's name: the site's own ("Lunch", as the admin typed it), else the gateway's
 * meaning of the code in the user's language (docs/gateway.md §Media and reason codes), else
 * "Reason 17". Null for 0 (no reason).
 */
export function reasonName(code: number, names: FloorNames): string | null {
  if (code === 0) return null;
  return names.reasons.get(code)?.name ?? reasonText(code);
}

/** "Lunch (code 12)": the name with the gateway's code, for details and tooltips. */
export function reasonWithCode(code: number, names: FloorNames): string | null {
  const name = reasonName(code, names);
  return name === null ? null : activeIntl().formatMessage(M.withCode, { name, code });
}

/** A group's name: the site's own ("Team North"), else "Group 12" in the user's language. */
export function groupName(groupId: number, names: FloorNames): string {
  return names.groups.get(groupId)?.name ?? activeIntl().formatMessage(M.group, { groupId });
}
