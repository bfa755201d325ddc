// Every status the screens can show, from the inputs the monitor has (a pure function: no clock,
// no timers).
import { describe, expect, it } from 'vitest';
import type { GatewayError } from '@floorwatch/contracts/api';
import { computeHealth, type HealthInput } from '../../src/monitor/health';

const NOW = 1_800_000_000_000;
const err = (code: string, category: string, fatal = false): GatewayError => ({
  code,
  message: code,
  category,
  fatal,
  at: NOW - 10,
});
const noRight = err('300-001', 'no-right', true);
const timeout = err('TIMEOUT', 'transport');

const base: HealthInput = {
  session: { state: 'signed-in', error: null },
  lastSuccessAt: NOW - 500,
  lastPollError: null,
  pollStartedAt: null,
  now: NOW,
  pollMs: 1000,
  staleAfterMs: 10_000,
};

const cases: Array<[string, Partial<HealthInput>, { status: string; code: string | null }]> = [
  ['fresh data, signed in', {}, { status: 'ok', code: null }],
  [
    'a poll in flight, not yet late',
    { pollStartedAt: NOW - 900, lastSuccessAt: NOW - 1900 },
    { status: 'ok', code: null },
  ],
  ['exactly two intervals old', { lastSuccessAt: NOW - 2000 }, { status: 'ok', code: null }],
  [
    'a poll more than an interval late',
    { lastSuccessAt: NOW - 2001, pollStartedAt: NOW - 1001 },
    { status: 'waiting', code: 'WAITING' },
  ],
  [
    'late with no poll in flight',
    { lastSuccessAt: NOW - 5000 },
    { status: 'waiting', code: 'WAITING' },
  ],
  [
    'late, up to the stale limit',
    { lastSuccessAt: NOW - 10_000 },
    { status: 'waiting', code: 'WAITING' },
  ],
  [
    'older than the stale limit',
    { lastSuccessAt: NOW - 10_001 },
    { status: 'stale', code: 'STALE' },
  ],
  ['the last poll failed', { lastPollError: timeout }, { status: 'stale', code: 'TIMEOUT' }],
  [
    'failed and late: the failure is the news',
    { lastPollError: timeout, lastSuccessAt: NOW - 5000 },
    { status: 'stale', code: 'TIMEOUT' },
  ],
  [
    'session lost, re-signing in',
    { session: { state: 'backing-off', error: err('100-006', 'session-lost') } },
    { status: 'stale', code: '100-006' },
  ],
  [
    'session signing in, no error yet',
    { session: { state: 'signing-in', error: null } },
    { status: 'stale', code: null },
  ],
  [
    'session fatal',
    { session: { state: 'fatal', error: noRight } },
    { status: 'error', code: '300-001' },
  ],
  [
    'fatal before any data',
    { session: { state: 'fatal', error: noRight }, lastSuccessAt: null },
    { status: 'error', code: '300-001' },
  ],
  ['no data yet', { lastSuccessAt: null }, { status: 'connecting', code: null }],
  [
    'no data yet, first poll failed',
    { lastSuccessAt: null, lastPollError: timeout },
    { status: 'connecting', code: 'TIMEOUT' },
  ],
  [
    'a tighter waiting limit (tests)',
    { lastSuccessAt: NOW - 700, waitingAfterMs: 600 },
    { status: 'waiting', code: 'WAITING' },
  ],
];

describe('computeHealth', () => {
  it.each(cases)('%s', (_name, over, expected) => {
    const h = computeHealth({ ...base, ...over });
    expect({ status: h.status, code: h.error?.code ?? null }).toEqual(expected);
    const lastSuccessAt =
      over.lastSuccessAt === undefined ? base.lastSuccessAt : over.lastSuccessAt;
    expect(h.lastSuccessAt).toBe(h.status === 'connecting' ? null : lastSuccessAt);
    if (h.status === 'ok') expect(h.error).toBeNull();
  });

  it('covers every status of the contract', async () => {
    const { gatewayStatus } = await import('@floorwatch/contracts/api');
    const seen = new Set(cases.map(([, over]) => computeHealth({ ...base, ...over }).status));
    expect([...seen].sort()).toEqual([...gatewayStatus.options].sort());
  });

  it('says what it is waiting for', () => {
    const inFlight = computeHealth({
      ...base,
      lastSuccessAt: NOW - 3000,
      pollStartedAt: NOW - 2000,
    });
    expect(inFlight.error?.message).toBe('waiting for the gateway: no answer for 2 s');
    expect(inFlight.error).toMatchObject({ fatal: false, category: 'waiting', at: NOW });
    const idle = computeHealth({ ...base, lastSuccessAt: NOW - 3000 });
    expect(idle.error?.message).toBe('waiting for the gateway: no poll for 3 s');
  });
});
