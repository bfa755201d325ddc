// Formatting of times, durations and counts, in the active locale and the site's time zone
// (stores/locale-store). Durations come from the server clock (see clock-store). Every Intl
// formatter comes from i18n/intl-cache, built once per locale and zone.
import { dateTimeFormat, numberFormat } from '@/i18n/intl-cache';
import { defineMessages } from '@/i18n/messages';
import { activeIntl, activeLocale, BROWSER_TIME_ZONE } from '@/stores/locale-store';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `m:ss` below an hour, `h:mm:ss` from an hour (read alike in every language the SPA speaks).
 * Negative input (the start is in our future, i.e. clock skew not yet corrected) shows as 0:00
 * rather than a nonsense negative time.
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

const AGO = defineMessages({
  sec: { id: 'format.ago.sec', defaultMessage: '{n} s' },
  min: { id: 'format.ago.min', defaultMessage: '{n} min' },
  hr: { id: 'format.ago.hr', defaultMessage: '{n} h' },
  hrMin: { id: 'format.ago.hrMin', defaultMessage: '{h} h {m} min' },
  day: { id: 'format.ago.day', defaultMessage: '{n} d' },
});

/** A short "how long ago" for freshness: "2 s", "5 min", "3 h 15 min" (「2秒」 in zh-CN). */
export function formatAgo(ms: number): string {
  const intl = activeIntl();
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  if (s < 60) return intl.formatMessage(AGO.sec, { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return intl.formatMessage(AGO.min, { n: m });
  const h = Math.floor(m / 60);
  const rem = m % 60;
  if (h < 24)
    return rem
      ? intl.formatMessage(AGO.hrMin, { h, m: rem })
      : intl.formatMessage(AGO.hr, { n: h });
  return intl.formatMessage(AGO.day, { n: Math.floor(h / 24) });
}

const clockFmt = (locale: string, zone: string) =>
  dateTimeFormat(locale, zone, 'clock', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

/** Wall-clock time in the site's zone, 24 h, with seconds: "14:02:31". */
export function formatClock(epochMs: number): string {
  const { locale, timeZone } = activeLocale();
  return clockFmt(locale, timeZone).format(epochMs);
}

/** The calendar day of an instant in a zone, as a comparable key. */
function dayKey(epochMs: number, zone: string): string {
  return dateTimeFormat('en-CA', zone, 'day', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

/** Time in the site's zone, with the date when it is not today: "08:01" or "24 Nov, 22:58". */
export function formatSignIn(epochMs: number, now: number): string {
  const { locale, timeZone } = activeLocale();
  const today = dayKey(epochMs, timeZone) === dayKey(now, timeZone);
  const hm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  return today
    ? dateTimeFormat(locale, timeZone, 'hm', hm).format(epochMs)
    : dateTimeFormat(locale, timeZone, 'day-hm', { ...hm, day: 'numeric', month: 'short' }).format(
        epochMs,
      );
}

/** Year to second and the UTC offset of an instant in a zone, as numbers and "+08:00". */
function partsIn(epochMs: number, zone: string) {
  const f = dateTimeFormat('en-US', zone, 'parts', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(epochMs)) p[part.type] = part.value;
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const n = (k: string) => pad2(Number(p[k]));
  return {
    y: p.year ?? '',
    mo: n('month'),
    d: n('day'),
    h: n('hour'),
    mi: n('minute'),
    s: n('second'),
    offset,
  };
}

/** ISO 8601 in the site's zone with its UTC offset, to the second: "2026-11-25T14:02:31+01:00". */
export function isoWithOffset(epochMs: number): string {
  const t = partsIn(epochMs, activeLocale().timeZone);
  return `${t.y}-${t.mo}-${t.d}T${t.h}:${t.mi}:${t.s}${t.offset}`;
}

/**
 * Midnight that began the site's day holding `epochMs` (the floor's "today", whatever zone the
 * browser is in). Taken back by the hours already gone on the site's clock.
 */
export function startOfSiteDay(epochMs: number): number {
  const t = partsIn(epochMs, activeLocale().timeZone);
  const gone = (Number(t.h) * 3600 + Number(t.mi) * 60 + Number(t.s)) * 1000;
  return epochMs - (epochMs % 1000) - gone;
}

/** A file-name friendly timestamp in the site's zone: 20261125-143005. */
export function fileStamp(epochMs: number): string {
  const t = partsIn(epochMs, activeLocale().timeZone);
  return `${t.y}${t.mo}${t.d}-${t.h}${t.mi}${t.s}`;
}

/**
 * The site's zone as a short name ("GMT+8") when it differs from the browser's, else null: a
 * supervisor working from another zone must know the clock on screen is the floor's.
 */
export function siteZoneLabel(
  epochMs: number,
  browserZone: string = BROWSER_TIME_ZONE,
): string | null {
  const { locale, timeZone } = activeLocale();
  if (partsIn(epochMs, timeZone).offset === partsIn(epochMs, browserZone).offset) return null;
  const name = dateTimeFormat(locale, timeZone, 'zone', { timeZoneName: 'short' })
    .formatToParts(epochMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

/** A count with the locale's grouping: "1,234". */
export function formatCount(n: number): string {
  return numberFormat(activeLocale().locale, 'count').format(n);
}

const LIST = defineMessages({
  // Chinese separates a list with a full-width comma.
  sep: { id: 'common.list-separator', defaultMessage: ', ' },
});

/** What goes between the items of a list: ", " or 「，」. */
export function listSeparator(): string {
  return activeIntl().formatMessage(LIST.sep);
}

/** Items joined with the language's separator: "Billing, Sales" / 「账单，销售」. */
export function joinList(items: readonly string[]): string {
  return items.join(listSeparator());
}
