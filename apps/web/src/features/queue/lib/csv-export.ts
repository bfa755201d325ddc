// The current view as a CSV file that opens cleanly in Excel: the visible rows in order and the
// visible columns, with durations as whole seconds (for sums and sorting) beside `h:mm:ss` text,
// reasons and groups by name with their codes beside, times as ISO 8601 with their UTC offset,
// other queues by name, empty cells for "no value", a first line saying which queue and when,
// headers in the user's language, and a UTF-8 BOM (so Excel reads Chinese names as Chinese).
import type { Agent } from '@floorwatch/contracts/api';
import { mediaText } from '@/components/media-badges';
import { groupName, reasonName, type FloorNames } from '@/lib/floor-names';
import { toCsv } from '@/lib/csv';
import { fileStamp, formatHms, isoWithOffset } from '@/lib/format';
import { defineMessages, type Message } from '@/i18n/messages';
import { stateLabel } from '@/lib/states';
import { activeIntl } from '@/stores/locale-store';
import { columnLabel, displayName, otherQueueNames, type ColumnId } from './columns';

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
/** The header is asked for when the file is made: it is in the user's language at that moment. */
type CsvColumn = [header: () => string, value: (a: Agent, ctx: CsvContext) => Cell];

const M = defineMessages({
  seconds: { id: 'csv.seconds', defaultMessage: '{column} (s)' },
  queue: { id: 'csv.queue', defaultMessage: 'Queue' },
  queueName: { id: 'csv.queue-name', defaultMessage: '{name} (skill {skillId})' },
  exported: { id: 'csv.exported', defaultMessage: 'Exported' },
  groupId: { id: 'csv.group-id', defaultMessage: 'Group id' },
  reasonCode: { id: 'csv.reason-code', defaultMessage: 'Reason code' },
});

const t = (m: Message, values?: Record<string, string | number>): string =>
  activeIntl().formatMessage(m, values);

/** One screen column → one or more CSV columns. */
const CSV_COLUMNS: Record<ColumnId, CsvColumn[]> = {
  name: [[() => columnLabel('name'), (a) => displayName(a)]],
  workno: [[() => columnLabel('workno'), (a) => a.workno]],
  state: [[() => columnLabel('state'), (a, c) => stateLabel(a.state, c.mediaType)]],
  timeInState: [
    [
      () => t(M.seconds, { column: columnLabel('timeInState') }),
      (a, c) => Math.max(0, Math.floor((c.serverNow - a.stateSince) / 1000)),
    ],
    [() => columnLabel('timeInState'), (a, c) => formatHms(c.serverNow - a.stateSince)],
  ],
  signIn: [
    [
      () => columnLabel('signIn'),
      (a, c) => (a.loginAt === null ? '' : isoWithOffset(a.loginAt - c.offset)),
    ],
  ],
  media: [[() => columnLabel('media'), (a) => mediaText(a.media)]],
  phone: [[() => columnLabel('phone'), (a) => a.phone]],
  group: [
    [() => columnLabel('group'), (a, c) => groupName(a.groupId, c.names)],
    [() => t(M.groupId), (a) => a.groupId],
  ],
  vdn: [[() => columnLabel('vdn'), (a) => a.vdnId]],
  reason: [
    [() => columnLabel('reason'), (a, c) => reasonName(a.reason, c.names) ?? ''],
    [() => t(M.reasonCode), (a) => (a.reason === 0 ? '' : a.reason)],
  ],
  queues: [
    [() => columnLabel('queues'), (a, c) => otherQueueNames(a, c.skillId, c.queueNames).join('; ')],
  ],
};

export function buildAgentsCsv(
  rows: readonly Agent[],
  cols: readonly ColumnId[],
  ctx: CsvContext,
): string {
  const columns = cols.flatMap((c) => CSV_COLUMNS[c]);
  return toCsv(
    columns.map(([h]) => h()),
    rows.map((a) => columns.map(([, value]) => value(a, ctx))),
    {
      bom: true,
      preamble: [
        [
          t(M.queue),
          t(M.queueName, { name: ctx.queueName, skillId: ctx.skillId }),
          t(M.exported),
          isoWithOffset(ctx.serverNow - ctx.offset),
        ],
      ],
    },
  );
}

export function csvFileName(skillId: number, clientNow: number): string {
  return `floorwatch-queue-${skillId}-${fileStamp(clientNow)}.csv`;
}
