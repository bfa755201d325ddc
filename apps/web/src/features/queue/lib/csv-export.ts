import type { Agent } from '@floorwatch/contracts/api';
import { toCsv } from '@/lib/csv';
import { fileStamp } from '@/lib/format';
import { cellText, COLUMN_LABELS, type CellContext, type ColumnId } from './columns';

/** The current view as CSV: exactly the visible rows, in order, and the visible columns. */
export function buildAgentsCsv(
  rows: readonly Agent[],
  cols: readonly ColumnId[],
  ctx: CellContext,
): string {
  return toCsv(
    cols.map((c) => COLUMN_LABELS[c]),
    rows.map((a) => cols.map((c) => cellText(c, a, ctx))),
  );
}

export function csvFileName(skillId: number, clientNow: number): string {
  return `floorwatch-queue-${skillId}-${fileStamp(clientNow)}.csv`;
}
