// Formatting of times and durations. Durations come from the server clock (see clock-store).

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `m:ss` below an hour, `h:mm:ss` from an hour. Negative input (the start is in our future,
 * i.e. clock skew not yet corrected) shows as 0:00 rather than a nonsense negative time.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** Always `h:mm:ss` ("0:01:05"): what a spreadsheet reads as a duration, never as a clock time. */
export function formatHms(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  return `${h}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}

/** Seconds as `m:ss` / `h:mm:ss`, or an em dash for null (the gateway gave no value). */
export function formatSeconds(sec: number | null | undefined): string {
  if (sec === null || sec === undefined) return '—';
  return formatDuration(sec * 1000);
}

/** A short "how long ago" for freshness: "2 s", "5 min", "3 h". */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rem = m % 60;
  if (h < 24) return rem ? `${h} h ${rem} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** Local wall-clock time, 24 h, with seconds: "14:02:31". */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** Local time, with the date when it is not today: "08:01" or "24 Nov 22:58". */
export function formatSignIn(epochMs: number, now: number): string {
  const d = new Date(epochMs);
  const n = new Date(now);
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  if (d.toDateString() === n.toDateString()) return time;
  const month = d.toLocaleString('en-GB', { month: 'short' });
  return `${d.getDate()} ${month} ${time}`;
}

/** ISO 8601 in local time with its UTC offset, to the second: "2026-11-25T14:02:31+01:00". */
export function isoWithOffset(epochMs: number): string {
  const d = new Date(epochMs);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` +
    `T${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/** A file-name friendly local timestamp: 20261125-143005. */
export function fileStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getFullYear()}${pad2(d.getMonth() + 1)}${pad2(d.getDate())}-` +
    `${pad2(d.getHours())}${pad2(d.getMinutes())}${pad2(d.getSeconds())}`
  );
}

// One formatter for the page: toLocaleString builds a new one per call, which shows in profiles
// of a 500-tile overview ticking every second.
const counts = new Intl.NumberFormat('en-GB');

/** A count with thousands separators: "1,234". */
export function formatCount(n: number): string {
  return counts.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
