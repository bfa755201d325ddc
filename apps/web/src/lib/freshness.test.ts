import type { GatewayError } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import { computeFreshness, type FreshnessInput } from './freshness';

const now = new Date(2026, 10, 25, 14, 2, 40).getTime();
const base: FreshnessInput = {
  connection: 'open',
  gateway: { status: 'ok', lastSuccessAt: now - 2000, error: null },
  lastSuccessAt: now - 2000,
  hasData: true,
  clockOffsetMs: 0,
  now,
  staleAfterMs: 30_000,
};

const err = (over: Partial<GatewayError>): GatewayError => ({
  code: 'NETWORK',
  message: 'connect ECONNREFUSED 127.0.0.1:8043',
  category: 'transport',
  fatal: false,
  at: now,
  ...over,
});

describe('computeFreshness', () => {
  it('is live with the age of the last successful poll', () => {
    const f = computeFreshness(base);
    expect(f).toMatchObject({ kind: 'live', text: 'Live · updated 2 s ago', isStale: false });
  });

  it('judges freshness by the last successful poll, not by the last change', () => {
    // The snapshot's health is a minute old (nothing changed since), but heartbeats carried a
    // poll from one second ago.
    const f = computeFreshness({
      ...base,
      gateway: { status: 'ok', lastSuccessAt: now - 60_000, error: null },
      lastSuccessAt: now - 1000,
      staleAfterMs: 10_000,
    });
    expect(f).toMatchObject({ kind: 'live', text: 'Live · updated 1 s ago', isStale: false });
  });

  it('uses the server clock: a browser clock 5 min slow still says 2 s', () => {
    const f = computeFreshness({ ...base, now: now - 300_000, clockOffsetMs: 300_000 });
    expect(f.text).toBe('Live · updated 2 s ago');
  });

  it('a browser clock 5 min fast does not make fresh data stale', () => {
    const f = computeFreshness({
      ...base,
      now: now + 300_000,
      clockOffsetMs: -300_000,
      staleAfterMs: 4000,
    });
    expect(f).toMatchObject({ kind: 'live', isStale: false });
  });

  it('is stale only past the stale limit on the server clock', () => {
    const at = (age: number) =>
      computeFreshness({ ...base, lastSuccessAt: now - age, staleAfterMs: 10_000 });
    expect(at(10_000).kind).toBe('live');
    const f = at(10_001);
    expect(f.kind).toBe('stale');
    expect(f.text).toBe('No new data from the phone system since 14:02');
    expect(f).toMatchObject({ isStale: true, alert: true });
  });

  it('says it is waiting for the phone system when a poll is overdue, without dimming', () => {
    const f = computeFreshness({
      ...base,
      gateway: { status: 'waiting', lastSuccessAt: now - 3000, error: null },
      lastSuccessAt: now - 3000,
    });
    expect(f).toMatchObject({
      kind: 'waiting',
      text: 'Waiting for the phone system · updated 3 s ago',
      isStale: false,
      alert: false,
    });
  });

  it('does not dim while the BFF signs in again and the figures are within the stale limit', () => {
    // A new leader replica signing in after the old one died: the figures are 1.5 s old.
    const f = computeFreshness({
      ...base,
      gateway: { status: 'connecting', lastSuccessAt: now - 1500, error: null },
      lastSuccessAt: now - 1500,
    });
    expect(f).toMatchObject({
      kind: 'waiting',
      text: 'Waiting for the phone system · updated 1 s ago',
      isStale: false,
      alert: false,
    });
    // Past the stale limit (or before any poll succeeded), signing in dims as before.
    const old = computeFreshness({
      ...base,
      gateway: { status: 'connecting', lastSuccessAt: now - 40_000, error: null },
      lastSuccessAt: now - 40_000,
    });
    expect(old).toMatchObject({ kind: 'connecting', isStale: true });
    expect(old.text).toMatch(/^Connecting to the phone system/);
  });

  it('the stale limit still wins over waiting', () => {
    const f = computeFreshness({
      ...base,
      gateway: { status: 'waiting', lastSuccessAt: now - 40_000, error: null },
      lastSuccessAt: now - 40_000,
    });
    expect(f).toMatchObject({ kind: 'stale', isStale: true });
  });

  it('says reconnecting when the stream dropped, and dims', () => {
    const f = computeFreshness({ ...base, connection: 'reconnecting' });
    expect(f.kind).toBe('reconnecting');
    expect(f.text).toMatch(/^Reconnecting…/);
    expect(f.isStale).toBe(true);
  });

  it('says in plain words that the phone system cannot be reached, code and detail apart', () => {
    const at = new Date(2026, 10, 25, 14, 2, 31).getTime();
    const f = computeFreshness({
      ...base,
      gateway: { status: 'stale', lastSuccessAt: at, error: err({}) },
      lastSuccessAt: at,
    });
    expect(f.text).toBe("Can't reach the phone system since 14:02");
    expect(f.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(f.detail).not.toMatch(/ECONNREFUSED/);
    expect(f.technical).toEqual({
      code: 'NETWORK',
      message: 'connect ECONNREFUSED 127.0.0.1:8043',
    });
    expect(f).toMatchObject({ isStale: true, alert: true });
  });

  it('a permissions error is "No permission to read agent data"', () => {
    const f = computeFreshness({
      ...base,
      gateway: {
        status: 'error',
        lastSuccessAt: null,
        error: err({
          code: '300-001',
          message: 'No right to query agent information',
          category: 'no-right',
          fatal: true,
        }),
      },
      lastSuccessAt: null,
    });
    expect(f.text).toBe('No permission to read agent data');
    expect(f.text).not.toMatch(/unreachable/i);
    expect(f.detail).toMatch(/administrator/);
    expect(f.technical?.code).toBe('300-001');
  });

  it('is connecting before the first snapshot', () => {
    expect(
      computeFreshness({
        ...base,
        hasData: false,
        gateway: null,
        lastSuccessAt: null,
        connection: 'connecting',
      }).text,
    ).toBe('Connecting…');
  });
});
