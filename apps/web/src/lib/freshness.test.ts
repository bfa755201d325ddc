import { describe, expect, it } from 'vitest';
import { computeFreshness, type FreshnessInput } from './freshness';
import { formatClock } from './format';

const now = new Date(2026, 10, 25, 14, 2, 40).getTime();
const base: FreshnessInput = {
  connection: 'open',
  gateway: { status: 'ok', lastSuccessAt: now - 2000, error: null },
  hasData: true,
  clockOffsetMs: 0,
  now,
  staleAfterMs: 30_000,
};

describe('computeFreshness', () => {
  it('is live with the age of the data', () => {
    const f = computeFreshness(base);
    expect(f).toMatchObject({ kind: 'live', text: 'Live · updated 2 s ago', isStale: false });
  });

  it('uses the server clock: a browser clock 5 min slow still says 2 s', () => {
    const f = computeFreshness({ ...base, now: now - 300_000, clockOffsetMs: 300_000 });
    expect(f.text).toBe('Live · updated 2 s ago');
  });

  it('says reconnecting when the stream dropped, and dims', () => {
    const f = computeFreshness({ ...base, connection: 'reconnecting' });
    expect(f.kind).toBe('reconnecting');
    expect(f.text).toMatch(/^Reconnecting…/);
    expect(f.isStale).toBe(true);
  });

  it('says the gateway is unreachable, with the time of the data', () => {
    const at = new Date(2026, 10, 25, 14, 2, 31).getTime();
    const f = computeFreshness({
      ...base,
      gateway: {
        status: 'stale',
        lastSuccessAt: at,
        error: {
          code: 'TIMEOUT',
          message: 'Gateway did not answer',
          category: 'retry',
          fatal: false,
          at: now,
        },
      },
    });
    expect(f.text).toBe('Gateway unreachable — data from 14:02:31');
    expect(f.detail).toBe('Gateway did not answer');
    expect(f).toMatchObject({ isStale: true, alert: true });
  });

  it('shows the message of a fatal error so an operator can act', () => {
    const f = computeFreshness({
      ...base,
      gateway: {
        status: 'error',
        lastSuccessAt: null,
        error: {
          code: '100-004',
          message: 'Wrong user name or password',
          category: 'fatal-credentials',
          fatal: true,
          at: now,
        },
      },
    });
    expect(f.text).toBe('Gateway unreachable');
    expect(f.detail).toMatch(/^Wrong user name or password/);
  });

  it('never calls old data live even if the gateway says ok', () => {
    const f = computeFreshness({
      ...base,
      gateway: { status: 'ok', lastSuccessAt: now - 45_000, error: null },
    });
    expect(f.kind).toBe('stale');
    expect(f.text).toBe(`No fresh data — data from ${formatClock(now - 45_000)}`);
    expect(f.isStale).toBe(true);
  });

  it('is connecting before the first snapshot', () => {
    expect(
      computeFreshness({ ...base, hasData: false, gateway: null, connection: 'connecting' }).text,
    ).toBe('Connecting…');
  });
});
