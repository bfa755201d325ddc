import type { Thresholds } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import { evaluateThreshold, isValidThreshold, mergeThresholds } from './thresholds';

const t: Thresholds = {
  talking: { warnSec: 300, critSec: 600 },
  wrapup: { warnSec: 60, critSec: 120 },
};

describe('evaluateThreshold', () => {
  it('is ok below the warning limit, with the share of the critical limit used', () => {
    expect(evaluateThreshold('talking', 150, t)).toEqual({ level: 'ok', share: 0.25 });
  });
  it('warns from the warning limit (inclusive)', () => {
    expect(evaluateThreshold('talking', 300, t)).toEqual({ level: 'warn', share: 0.5 });
    expect(evaluateThreshold('talking', 599, t).level).toBe('warn');
  });
  it('is critical from the critical limit, share ≥ 1', () => {
    expect(evaluateThreshold('talking', 600, t)).toEqual({ level: 'crit', share: 1 });
    expect(evaluateThreshold('talking', 900, t)).toEqual({ level: 'crit', share: 1.5 });
  });
  it('has nothing to say about a state without limits', () => {
    expect(evaluateThreshold('idle', 99_999, t)).toEqual({ level: 'ok', share: 0 });
  });
  it('treats negative time (clock skew) as zero', () => {
    expect(evaluateThreshold('wrapup', -30, t)).toEqual({ level: 'ok', share: 0 });
  });
  it('lets user overrides win state by state', () => {
    const merged = mergeThresholds(t, { talking: { warnSec: 10, critSec: 20 } });
    expect(evaluateThreshold('talking', 15, merged).level).toBe('warn');
    expect(evaluateThreshold('wrapup', 130, merged).level).toBe('crit');
  });
  it('validates limits', () => {
    expect(isValidThreshold({ warnSec: 10, critSec: 20 })).toBe(true);
    expect(isValidThreshold({ warnSec: 20, critSec: 20 })).toBe(false);
    expect(isValidThreshold({ warnSec: 1.5, critSec: 20 })).toBe(false);
  });
});
