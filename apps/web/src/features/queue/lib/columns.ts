import type { Agent } from '@floorwatch/contracts/api';

export const COLUMN_IDS = [
  'name',
  'workno',
  'state',
  'timeInState',
  'signIn',
  'media',
  'phone',
  'group',
  'vdn',
  'reason',
  'queues',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  name: 'Name',
  workno: 'Work no.',
  state: 'State',
  timeInState: 'Time in state',
  signIn: 'Signed in',
  media: 'Media',
  phone: 'Phone',
  group: 'Group',
  vdn: 'VDN',
  reason: 'Reason',
  queues: 'Other queues',
};

/** Column widths (CSS grid-free table: fixed layout keeps virtualised rows aligned). */
export const COLUMN_WIDTHS: Record<ColumnId, string> = {
  name: '10rem',
  workno: '6.5rem',
  state: '7.5rem',
  timeInState: '8.5rem',
  signIn: '9rem',
  media: '12.5rem',
  phone: '6.5rem',
  group: '8rem',
  vdn: '4rem',
  reason: '8rem',
  queues: '8.5rem',
};

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'name',
  'workno',
  'state',
  'timeInState',
  'signIn',
  'media',
  'phone',
  'group',
  'reason',
  'queues',
];

export function displayName(a: Agent): string {
  return a.name.trim() || a.workno;
}

export function otherQueues(a: Agent, skillId: number): number {
  return a.skills.filter((s) => s !== skillId).length;
}

/** The agent's other queues by name (in skill id order); an unknown id reads "Skill <id>". */
export function otherQueueNames(
  a: Agent,
  skillId: number,
  names: Readonly<Record<number, string | undefined>>,
): string[] {
  return a.skills.filter((s) => s !== skillId).map((s) => names[s] ?? `Skill ${s}`);
}
