import { describe, expect, it } from 'vitest';
import { fileStamp, formatAgo, formatDuration, formatSeconds } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [65_000, '1:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3600_000, '1:00:00'],
    [3600_000 + 62_000, '1:01:02'],
    [26 * 3600_000 + 5_000, '26:00:05'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('shows 0:00 for a start in the future (clock skew) and for nonsense', () => {
    expect(formatDuration(-5000)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});

describe('formatSeconds', () => {
  it('uses an em dash when the gateway gives no value', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(42)).toBe('0:42');
    expect(formatSeconds(3725)).toBe('1:02:05');
  });
});

describe('formatAgo', () => {
  it('is short and never negative', () => {
    expect(formatAgo(2000)).toBe('2 s');
    expect(formatAgo(-3000)).toBe('0 s');
    expect(formatAgo(5 * 60_000)).toBe('5 min');
    expect(formatAgo(3 * 3600_000 + 15 * 60_000)).toBe('3 h 15 min');
  });
});

describe('fileStamp', () => {
  it('is a sortable local timestamp', () => {
    expect(fileStamp(new Date(2026, 10, 5, 9, 3, 7).getTime())).toBe('20261105-090307');
  });
});
