import type { Agent, Threshold, Thresholds } from '@floorwatch/contracts/api';
import type { AgentState } from '@floorwatch/contracts/gateway';
import { formatCount } from './format';

export type ThresholdLevel = 'ok' | 'warn' | 'crit';

export interface ThresholdResult {
  level: ThresholdLevel;
  /** Share of the critical limit used (0 … ≥1); 0 when the state has no limit. */
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

/** Names of the two limits, as the settings page and the level icons call them. */
export const LIMIT_NAME = { warn: 'Warning', crit: 'Critical' } as const;

/** "3 past critical limit". */
export function pastLimitText(level: 'warn' | 'crit', n: number): string {
  return `${formatCount(n)} ${LIMIT_PHRASE[level]}`;
}

/** Where `seconds` in `state` stands against the limits for that state. Pure. */
export function evaluateThreshold(
  state: AgentState,
  seconds: number,
  thresholds: Thresholds,
): ThresholdResult {
  const t = thresholds[state];
  if (!t || !Number.isFinite(seconds)) return { level: 'ok', share: 0 };
  const secs = Math.max(0, seconds);
  const share = t.critSec > 0 ? secs / t.critSec : 0;
  if (secs >= t.critSec) return { level: 'crit', share };
  if (secs >= t.warnSec) return { level: 'warn', share };
  return { level: 'ok', share };
}

/** How many of these agents are past each limit right now (`serverNow` on the BFF clock). */
export function countPastLimits(
  worknos: readonly string[],
  agents: Readonly<Record<string, Agent | undefined>>,
  serverNow: number,
  thresholds: Thresholds,
): { warn: number; crit: number } {
  let warn = 0;
  let crit = 0;
  for (const w of worknos) {
    const a = agents[w];
    if (!a) continue;
    const level = evaluateThreshold(a.state, (serverNow - a.stateSince) / 1000, thresholds).level;
    if (level === 'crit') crit += 1;
    else if (level === 'warn') warn += 1;
  }
  return { warn, crit };
}

/** Overrides win over defaults, state by state. */
export function mergeThresholds(defaults: Thresholds, overrides: Thresholds): Thresholds {
  return { ...defaults, ...overrides };
}

export function isValidThreshold(t: Threshold): boolean {
  return (
    Number.isInteger(t.warnSec) &&
    Number.isInteger(t.critSec) &&
    t.warnSec > 0 &&
    t.critSec > 0 &&
    t.warnSec < t.critSec
  );
}
