import { describe, expect, it } from 'vitest';
import { emWidth, fitFont } from './fit-text';

describe('fitting a number to its box', () => {
  it('gives longer values a smaller cap, so 4 and 5 digits fit where 2 did', () => {
    expect(emWidth('12345')).toBeGreaterThan(emWidth('12'));
    expect(emWidth('10,000')).toBeGreaterThan(emWidth('10000'));
    expect(fitFont('12', '5rem', 90)).toBe('min(5rem, 72.58cqw)');
    expect(fitFont('12345', '5rem', 90)).toBe('min(5rem, 29.03cqw)');
  });
  it('counts a percent sign and a Chinese word at their real width', () => {
    // "100%" is over 2.9 em in a bold sans face; a Chinese "none" (无) is a full em.
    expect(emWidth('100%')).toBeGreaterThanOrEqual(2.9);
    expect(emWidth('无')).toBe(1);
    expect(emWidth('none')).toBeCloseTo(2.8);
  });
  it('never divides by nothing', () => {
    expect(emWidth('')).toBe(1);
  });
});
