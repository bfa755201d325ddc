import { describe, expect, it } from 'vitest';
import { evaluateLimit, worseLevel } from './thresholds';

const talking = { warnSec: 300, critSec: 600 };

describe('evaluateLimit', () => {
  it('is ok below the warning limit, with the share of the critical limit used', () => {
    expect(evaluateLimit(150, talking)).toEqual({ level: 'ok', share: 0.25 });
  });
  it('warns from the warning limit (inclusive)', () => {
    expect(evaluateLimit(300, talking)).toEqual({ level: 'warn', share: 0.5 });
    expect(evaluateLimit(599, talking).level).toBe('warn');
  });
  it('is critical from the critical limit, share ≥ 1', () => {
    expect(evaluateLimit(600, talking)).toEqual({ level: 'crit', share: 1 });
    expect(evaluateLimit(900, talking)).toEqual({ level: 'crit', share: 1.5 });
  });
  it('has nothing to say without a limit', () => {
    expect(evaluateLimit(99_999, null)).toEqual({ level: 'ok', share: 0 });
  });
  it('treats negative time (clock skew) as zero', () => {
    expect(evaluateLimit(-30, { warnSec: 60, critSec: 120 })).toEqual({ level: 'ok', share: 0 });
  });
  it('tells the worse of two levels', () => {
    expect(worseLevel('warn', 'crit')).toBe('crit');
    expect(worseLevel('ok', 'warn')).toBe('warn');
  });
});
