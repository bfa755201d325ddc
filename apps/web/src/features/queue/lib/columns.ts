import type { Agent } from '@floorwatch/contracts/api';
import { reasonLabel } from '@floorwatch/contracts/gateway';
import { formatAgo, formatDuration } from '@/lib/format';
import { AGENT_STATE_LABELS } from '@/lib/states';

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
  signIn: '11rem',
  media: '12.5rem',
  phone: '6.5rem',
  group: '4.75rem',
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

export function otherQueuesText(a: Agent, skillId: number): string {
  const n = otherQueues(a, skillId);
  return n === 0 ? '—' : `also in ${n} queue${n === 1 ? '' : 's'}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
export function isoLocal(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

export interface CellContext {
  skillId: number;
  /** Now on the server clock. */
  serverNow: number;
  /** serverTime − client time; converts server epochs to local wall-clock times. */
  offset: number;
}

/** Plain-text value of a cell: what CSV export writes and what screen readers read. */
export function cellText(col: ColumnId, a: Agent, ctx: CellContext): string {
  switch (col) {
    case 'name':
      return displayName(a);
    case 'workno':
      return a.workno;
    case 'state':
      return AGENT_STATE_LABELS[a.state];
    case 'timeInState':
      return formatDuration(ctx.serverNow - a.stateSince);
    case 'signIn':
      return a.loginAt === null ? '—' : isoLocal(a.loginAt - ctx.offset);
    case 'media':
      return (
        [a.media.voice && 'Voice/video', a.media.chat && 'Chat', a.media.email && 'Email']
          .filter(Boolean)
          .join(' + ') || 'None'
      );
    case 'phone':
      return a.phone || '—';
    case 'group':
      return String(a.groupId);
    case 'vdn':
      return String(a.vdnId);
    case 'reason':
      return reasonLabel(a.reason) ?? '—';
    case 'queues':
      return otherQueuesText(a, ctx.skillId);
  }
}

export function signInAgo(a: Agent, serverNow: number): string | null {
  return a.loginAt === null ? null : `${formatAgo(serverNow - a.loginAt)} ago`;
}
