// Names a site gives to the gateway's bare numbers: reason codes ("Lunch") and agent groups
// ("Team North"), from the shared settings an admin edits. One place for each fallback.
import type { Group, Reason } from '@floorwatch/contracts/api';
import { reasonLabel } from '@floorwatch/contracts/gateway';

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
 * A reason code's name: the site's own ("Lunch"), else the gateway's meaning of the code
 * (docs/gateway.md §Media and reason codes), else "Reason 17". Null for 0 (no reason).
 */
export function reasonName(code: number, names: FloorNames): string | null {
  if (code === 0) return null;
  return names.reasons.get(code)?.name ?? reasonLabel(code);
}

/** "Lunch (code 12)": the name with the gateway's code, for details and tooltips. */
export function reasonWithCode(code: number, names: FloorNames): string | null {
  const name = reasonName(code, names);
  return name === null ? null : `${name} (code ${code})`;
}

/** A group's name: the site's own ("Team North"), else "Group 12". */
export function groupName(groupId: number, names: FloorNames): string {
  return names.groups.get(groupId)?.name ?? `Group ${groupId}`;
}
