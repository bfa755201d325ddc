import { describe, expect, it } from 'vitest';
import { backoff } from '../src/index';

const policy = { initialMs: 1000, maxMs: 30_000 };

describe('backoff', () => {
  it('doubles the step per attempt, between half the step and the whole step', () => {
    expect(backoff(0, { ...policy, random: () => 0 })).toBe(500);
    expect(backoff(0, { ...policy, random: () => 0.999999 })).toBe(1000);
    expect(backoff(1, { ...policy, random: () => 0.5 })).toBe(1500);
    expect(backoff(3, { ...policy, random: () => 0 })).toBe(4000);
    expect(backoff(3, { ...policy, random: () => 0.999999 })).toBe(8000);
  });

  it('never exceeds the cap, however many attempts, jitter included', () => {
    for (const attempt of [5, 6, 20, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(backoff(attempt, { ...policy, random: () => 0.999999 })).toBe(30_000);
      expect(backoff(attempt, { ...policy, random: () => 0 })).toBe(15_000);
    }
  });

  it('treats nonsense attempts and random values as the first attempt and the range ends', () => {
    expect(backoff(-3, { ...policy, random: () => 0 })).toBe(500);
    expect(backoff(Number.NaN, { ...policy, random: () => 0 })).toBe(500);
    expect(backoff(2, { ...policy, random: () => 7 })).toBe(4000);
    expect(backoff(2, { ...policy, random: () => -1 })).toBe(2000);
  });

  it('uses Math.random when no source is given, within the range', () => {
    for (let i = 0; i < 50; i++) {
      const d = backoff(2, policy);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
