import type { Threshold, Thresholds } from '@floorwatch/contracts/api';
import type { AgentState } from '@floorwatch/contracts/gateway';

export type ThresholdLevel = 'ok' | 'warn' | 'crit';

export interface ThresholdResult {
  level: ThresholdLevel;
  /** Share of the critical limit used (0 … ≥1); 0 when the state has no limit. */
  share: number;
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
