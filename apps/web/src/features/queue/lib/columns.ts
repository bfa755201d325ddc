import type { Agent } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';

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

const M = defineMessages({
  skill: { id: 'column.queues.unknown', defaultMessage: 'Skill {skillId}' },
});

const LABEL = defineMessages<ColumnId>({
  name: { id: 'column.name', defaultMessage: 'Name' },
  workno: { id: 'column.workno', defaultMessage: 'Work no.' },
  state: { id: 'column.state', defaultMessage: 'State' },
  timeInState: { id: 'column.timeInState', defaultMessage: 'Time in state' },
  signIn: { id: 'column.signIn', defaultMessage: 'Signed in' },
  media: { id: 'column.media', defaultMessage: 'Media' },
  phone: { id: 'column.phone', defaultMessage: 'Phone' },
  group: { id: 'column.group', defaultMessage: 'Group' },
  vdn: { id: 'column.vdn', defaultMessage: 'VDN' },
  reason: { id: 'column.reason', defaultMessage: 'Reason' },
  queues: { id: 'column.queues', defaultMessage: 'Other queues' },
});

/** A column's heading in the active language (the grid and the CSV file say the same). */
export function columnLabel(id: ColumnId): string {
  return activeIntl().formatMessage(LABEL[id]);
}

/** Column widths (CSS grid-free table: fixed layout keeps virtualised rows aligned). */
export const COLUMN_WIDTHS: Record<ColumnId, string> = {
  name: '10rem',
  workno: '6.5rem',
  state: '7.5rem',
  timeInState: '10.5rem',
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
  const intl = activeIntl();
  return a.skills
    .filter((s) => s !== skillId)
    .map((s) => names[s] ?? intl.formatMessage(M.skill, { skillId: s }));
}
