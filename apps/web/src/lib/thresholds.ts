import type { Limit } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';

export type ThresholdLevel = 'ok' | 'warn' | 'crit';

export interface ThresholdResult {
  level: ThresholdLevel;
  /** Share of the critical limit used (0 … ≥1); 0 when there is no limit. */
  share: number;
}

// The one phrase for time limits on every screen (header, tiles, rows, meters, the wall).
const PHRASE = defineMessages<ThresholdLevel>({
  ok: { id: 'limit.phrase.ok', defaultMessage: 'within time limits' },
  warn: { id: 'limit.phrase.warn', defaultMessage: 'past warning limit' },
  crit: { id: 'limit.phrase.crit', defaultMessage: 'past critical limit' },
});

// Names of the two limits, as the limits page and the level icons call them.
const NAME = defineMessages<'warn' | 'crit'>({
  warn: { id: 'limit.name.warn', defaultMessage: 'Warning' },
  crit: { id: 'limit.name.crit', defaultMessage: 'Critical' },
});

const PAST = defineMessages<'warn' | 'crit'>({
  warn: {
    id: 'limit.past.warn',
    defaultMessage: '{count, plural, other {# past warning limit}}',
  },
  crit: {
    id: 'limit.past.crit',
    defaultMessage: '{count, plural, other {# past critical limit}}',
  },
});

/** "past warning limit", "past critical limit", "within time limits". */
export function limitPhrase(level: ThresholdLevel): string {
  return activeIntl().formatMessage(PHRASE[level]);
}

/** "Warning" / "Critical". */
export function limitName(level: 'warn' | 'crit'): string {
  return activeIntl().formatMessage(NAME[level]);
}

/** "3 past critical limit". */
export function pastLimitText(level: 'warn' | 'crit', n: number): string {
  return activeIntl().formatMessage(PAST[level], { count: n });
}

const NO_LIMIT: ThresholdResult = { level: 'ok', share: 0 };

/** Where `seconds` stands against one limit (none: always ok). Pure. */
export function evaluateLimit(seconds: number, limit: Limit | null | undefined): ThresholdResult {
  if (!limit || !Number.isFinite(seconds)) return NO_LIMIT;
  const secs = Math.max(0, seconds);
  const share = limit.critSec > 0 ? secs / limit.critSec : 0;
  if (secs >= limit.critSec) return { level: 'crit', share };
  if (secs >= limit.warnSec) return { level: 'warn', share };
  return { level: 'ok', share };
}

const RANK: Record<ThresholdLevel, number> = { ok: 0, warn: 1, crit: 2 };

/** The worse of two levels. */
export function worseLevel(a: ThresholdLevel, b: ThresholdLevel): ThresholdLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

export function levelRank(l: ThresholdLevel): number {
  return RANK[l];
}
