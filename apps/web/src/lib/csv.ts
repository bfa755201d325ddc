// CSV in the shape spreadsheet programs open without a wizard (RFC 4180, CRLF, BOM for Excel).

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    cells
      .map((c) =>
        csvCell(
          typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean' ? c : null,
        ),
      )
      .join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** Offers `text` as a file download (an object URL on a Blob, revoked afterwards). */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const blob = new Blob(['\uFEFF', text], { type });
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
