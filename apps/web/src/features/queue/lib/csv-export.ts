// The current view as a CSV file that opens cleanly in Excel: the visible rows in order and the
// visible columns, with durations as whole seconds (for sums and sorting) beside `h:mm:ss` text,
// reasons and groups by name with their codes beside, times as ISO 8601 with their UTC offset,
// other queues by name, empty cells for "no value", a first line saying which queue and when,
// and a UTF-8 BOM.
import type { Agent } from '@floorwatch/contracts/api';
import { mediaText } from '@/components/media-badges';
import { groupName, reasonName, type FloorNames } from '@/lib/floor-names';
import { toCsv } from '@/lib/csv';
import { fileStamp, formatHms, isoWithOffset } from '@/lib/format';
import { stateLabel } from '@/lib/states';
import { COLUMN_LABELS, displayName, otherQueueNames, type ColumnId } from './columns';

export interface CsvContext {
  skillId: number;
  queueName: string;
  /** The queue's `skillMediaType`: states read in its words ("Chatting"). */
  mediaType: number;
  /** Now on the server clock. */
  serverNow: number;
  /** serverTime − client time; converts server epochs to local wall-clock times. */
  offset: number;
  /** Every queue's name by skill id, for "Other queues". */
  queueNames: Readonly<Record<number, string | undefined>>;
  /** Reason and group names. */
  names: FloorNames;
}

type Cell = string | number;
type CsvColumn = [header: string, value: (a: Agent, ctx: CsvContext) => Cell];

/** One screen column → one or more CSV columns. */
const CSV_COLUMNS: Record<ColumnId, CsvColumn[]> = {
  name: [[COLUMN_LABELS.name, (a) => displayName(a)]],
  workno: [[COLUMN_LABELS.workno, (a) => a.workno]],
  state: [[COLUMN_LABELS.state, (a, c) => stateLabel(a.state, c.mediaType)]],
  timeInState: [
    [
      `${COLUMN_LABELS.timeInState} (s)`,
      (a, c) => Math.max(0, Math.floor((c.serverNow - a.stateSince) / 1000)),
    ],
    [COLUMN_LABELS.timeInState, (a, c) => formatHms(c.serverNow - a.stateSince)],
  ],
  signIn: [
    [
      COLUMN_LABELS.signIn,
      (a, c) => (a.loginAt === null ? '' : isoWithOffset(a.loginAt - c.offset)),
    ],
  ],
  media: [[COLUMN_LABELS.media, (a) => mediaText(a.media)]],
  phone: [[COLUMN_LABELS.phone, (a) => a.phone]],
  group: [
    [COLUMN_LABELS.group, (a, c) => groupName(a.groupId, c.names)],
    ['Group id', (a) => a.groupId],
  ],
  vdn: [[COLUMN_LABELS.vdn, (a) => a.vdnId]],
  reason: [
    [COLUMN_LABELS.reason, (a, c) => reasonName(a.reason, c.names) ?? ''],
    ['Reason code', (a) => (a.reason === 0 ? '' : a.reason)],
  ],
  queues: [
    [COLUMN_LABELS.queues, (a, c) => otherQueueNames(a, c.skillId, c.queueNames).join('; ')],
  ],
};

export function buildAgentsCsv(
  rows: readonly Agent[],
  cols: readonly ColumnId[],
  ctx: CsvContext,
): string {
  const columns = cols.flatMap((c) => CSV_COLUMNS[c]);
  return toCsv(
    columns.map(([h]) => h),
    rows.map((a) => columns.map(([, value]) => value(a, ctx))),
    {
      bom: true,
      preamble: [
        [
          'Queue',
          `${ctx.queueName} (skill ${ctx.skillId})`,
          'Exported',
          isoWithOffset(ctx.serverNow - ctx.offset),
        ],
      ],
    },
  );
}

export function csvFileName(skillId: number, clientNow: number): string {
  return `floorwatch-queue-${skillId}-${fileStamp(clientNow)}.csv`;
}
