import type { GatewayError } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import { describeGatewayProblem, plainGatewayProblem, problemKind } from './gateway-problem';

const err = (code: string, category: string, message = 'raw'): GatewayError => ({
  code,
  message,
  category,
  fatal: false,
  at: 0,
});

describe('gateway problems in plain words', () => {
  it.each([
    ['NETWORK', 'transport', 'connect ECONNREFUSED 127.0.0.1:8043', "Can't reach the phone system"],
    ['NETWORK', 'transport', 'socket hang up', "Can't reach the phone system"],
    ['HTTP_503', 'transport', 'gateway answered HTTP 503', "Can't reach the phone system"],
    ['TIMEOUT', 'transport', 'no answer within 10000 ms', 'The phone system is not answering'],
    [
      '300-001',
      'no-right',
      'No right to query agent information',
      'No permission to read agent data',
    ],
    [
      '100-004',
      'fatal-credentials',
      'Wrong user name or password',
      "Floorwatch can't sign in to the phone system",
    ],
    [
      '100-018',
      'fatal-config',
      'vdnId mismatch',
      'Floorwatch is not set up correctly for the phone system',
    ],
    [
      '000-003',
      'guid-expired',
      'No permission or authentication expired',
      'Signing in to the phone system again',
    ],
    ['100-006', 'session-lost', 'Agent not signed in', 'Signing in to the phone system again'],
    [
      'INVALID_ANSWER',
      'invalid-answer',
      'allonlineagents: unexpected answer',
      "The phone system sent data Floorwatch can't read",
    ],
    [
      'NOT_JSON',
      'transport',
      'gateway answer is not JSON',
      "The phone system sent data Floorwatch can't read",
    ],
    ['100-007', 'retry', 'Operation exception', 'The phone system is busy'],
    ['STALE', 'stale', 'no fresh data for 12 s', 'No new data from the phone system'],
    ['XYZ', 'something-new', 'whatever', 'Problem getting data from the phone system'],
  ])('%s (%s, "%s") → %s', (code, category, message, plain) => {
    const p = describeGatewayProblem(err(code, category, message), null);
    expect(p.headline).toBe(plain);
    // Neither the sentence nor the advice carries the code or the raw message.
    for (const text of [p.headline, p.advice ?? '']) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(message);
    }
    expect(p.technical).toEqual({ code, message });
  });

  it('says since when, with the time of the last good data', () => {
    expect(plainGatewayProblem(err('NETWORK', 'transport'), '14:02')).toBe(
      "Can't reach the phone system since 14:02",
    );
    expect(plainGatewayProblem(err('300-001', 'no-right'), '14:02')).toBe(
      'No permission to read agent data · figures from 14:02',
    );
  });

  it('no error at all is "no new data"', () => {
    expect(problemKind(null)).toBe('no-data');
  });
});
