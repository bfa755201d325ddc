import { describe, expect, it } from 'vitest';
import { GatewayCallError } from '../../src/gateway/gateway-call-error';
import { errorFromCall, errorFromRetcode, gatewayError } from '../../src/gateway/gateway-error';

const AT = 1_700_000_000_000;

describe('gateway errors', () => {
  it('300-001 is a fatal no-right error the screens can word as such', () => {
    expect(errorFromRetcode('300-001', AT)).toEqual({
      code: '300-001',
      message: 'No right to query agent information',
      category: 'no-right',
      fatal: true,
      at: AT,
    });
  });

  it('derives fatal from the category: credentials and config yes, retry and transport no', () => {
    expect(errorFromRetcode('100-004', AT)).toMatchObject({
      category: 'fatal-credentials',
      fatal: true,
    });
    expect(errorFromRetcode('999-001', AT)).toMatchObject({
      category: 'fatal-config',
      fatal: true,
    });
    expect(errorFromRetcode('000-007', AT)).toMatchObject({ category: 'retry', fatal: false });
    expect(errorFromRetcode('100-006', AT)).toMatchObject({
      category: 'session-lost',
      fatal: false,
    });
    expect(gatewayError('STALE', 'old data', 'stale', AT).fatal).toBe(false);
    expect(gatewayError('X', 'bad body', 'invalid-answer', AT).fatal).toBe(false);
  });

  it('an unknown retcode keeps the gateway message, clipped like the code itself', () => {
    expect(errorFromRetcode('777-001', AT, 'Disk full')).toMatchObject({
      code: '777-001',
      message: 'Disk full',
      category: 'other',
      fatal: false,
    });
    expect(errorFromRetcode('777-001', AT).message).toBe('Gateway answered 777-001');
    const e = errorFromRetcode('9'.repeat(400), AT, 'm'.repeat(1000));
    expect(e.code).toBe(`${'9'.repeat(120)}… (400 chars)`);
    expect(e.message).toBe(`${'m'.repeat(120)}… (1000 chars)`);
  });

  it('a call that got no answer is a transport error, anything else "other"', () => {
    expect(errorFromCall(new GatewayCallError('TIMEOUT', 'no answer within 10 ms'), AT)).toEqual({
      code: 'TIMEOUT',
      message: 'no answer within 10 ms',
      category: 'transport',
      fatal: false,
      at: AT,
    });
    expect(errorFromCall(new Error('boom'), AT)).toMatchObject({
      code: 'ERROR',
      message: 'boom',
      category: 'other',
    });
  });
});
