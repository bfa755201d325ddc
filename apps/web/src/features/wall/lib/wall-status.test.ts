import type { GatewayHealth } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import { formatSignIn } from '@/lib/format';
import type { Freshness } from '@/lib/freshness';
import { wallStatus } from './wall-status';

const NOW = Date.UTC(2026, 10, 25, 14, 2, 0);
const LAST = NOW - 90_000;
const since = formatSignIn(LAST, NOW);

function status(
  kind: Freshness['kind'],
  gateway: Partial<GatewayHealth> | null = {},
  isStale = kind !== 'live',
) {
  return wallStatus({
    freshness: { kind, text: kind === 'live' ? 'Live · updated 1 s ago' : 'whatever', isStale },
    gateway: gateway && { status: 'ok', lastSuccessAt: LAST, error: null, ...gateway },
    clockOffsetMs: 0,
    now: NOW,
  });
}

const error = (category: string, fatal = false): Partial<GatewayHealth> => ({
  status: 'error',
  error: { code: 'X', message: 'connect ECONNREFUSED 10.0.0.1:8043', category, fatal, at: NOW },
});

describe('what a wall says about its data', () => {
  it('passes "live" through, with nothing to dim', () => {
    expect(status('live')).toEqual({
      tone: 'ok',
      text: 'Live · updated 1 s ago',
      advice: null,
      dim: false,
    });
  });

  it('names the problem and since when, never the error message', () => {
    const s = status('error', error('transport'));
    expect(s.text).toBe(`Can't reach the phone system since ${since}`);
    expect(s.advice).toBe(
      `The figures shown are from ${since} and are dimmed until fresh data arrives.`,
    );
    expect(JSON.stringify(s)).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
  });

  it('asks for an administrator when no retry will help', () => {
    expect(status('error', error('no-right', true)).text).toBe(
      `No permission to read agent data since ${since}`,
    );
    expect(status('error', error('fatal-credentials', true)).advice).toMatch(
      /An administrator must act\.$/,
    );
    expect(status('error', error('transport')).advice).not.toMatch(/administrator/);
  });

  it('says reconnecting, no new figures, connecting and waiting in plain words', () => {
    expect(status('reconnecting').text).toBe('Reconnecting to Floorwatch…');
    expect(status('stale').text).toBe(`No new figures since ${since}`);
    expect(status('connecting', { status: 'connecting' }).text).toBe(
      'Connecting to the phone system…',
    );
    expect(status('connecting', null).text).toBe('Connecting…');
    // A state this wall does not know yet (e.g. a poll running late), not stale: no alarm.
    expect(status('waiting', {}, false)).toMatchObject({
      tone: 'muted',
      advice: null,
      dim: false,
    });
  });

  it('leaves out "since" when no poll ever succeeded', () => {
    expect(status('error', { ...error('transport'), lastSuccessAt: null }).text).toBe(
      "Can't reach the phone system",
    );
  });
});
