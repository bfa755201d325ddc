// CSV in the shape spreadsheet programs open without a wizard (RFC 4180, CRLF, and a UTF-8 BOM
// so Excel reads names in any script).

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const BOM = '\uFEFF';

export interface CsvOptions {
  /** Lines before the header (e.g. what the file is and when it was made). */
  preamble?: readonly (readonly unknown[])[];
  /** Start with a UTF-8 byte order mark (what Excel needs to read UTF-8). */
  bom?: boolean;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: CsvOptions = {},
): string {
  const line = (cells: readonly unknown[]) =>
    cells
      .map((c) =>
        csvCell(
          typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean' ? c : null,
        ),
      )
      .join(',');
  const lines = [...(opts.preamble ?? []), header, ...rows].map(line);
  return (opts.bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}

/** Offers `text` as a file download, byte for byte (an object URL on a Blob, revoked afterwards). */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
