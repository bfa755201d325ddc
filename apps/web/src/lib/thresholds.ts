import type { Limit } from '@floorwatch/contracts/api';
import { formatCount } from './format';

export type ThresholdLevel = 'ok' | 'warn' | 'crit';

export interface ThresholdResult {
  level: ThresholdLevel;
  /** Share of the critical limit used (0 … ≥1); 0 when there is no limit. */
  share: number;
}

/**
 * The one phrase for time limits on every screen (header, tiles, rows, meters, the wall):
 * "past warning limit", "past critical limit", "within time limits".
 */
export const LIMIT_PHRASE: Record<ThresholdLevel, string> = {
  ok: 'within time limits',
  warn: 'past warning limit',
  crit: 'past critical limit',
};

/** Names of the two limits, as the limits page and the level icons call them. */
export const LIMIT_NAME = { warn: 'Warning', crit: 'Critical' } as const;

/** "3 past critical limit". */
export function pastLimitText(level: 'warn' | 'crit', n: number): string {
  return `${formatCount(n)} ${LIMIT_PHRASE[level]}`;
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
