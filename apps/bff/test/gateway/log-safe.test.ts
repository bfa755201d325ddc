import { describe, expect, it } from 'vitest';
import { clipForLog, fingerprint, LOG_TEXT_MAX } from '../../src/gateway/log-safe';

describe('clipForLog', () => {
  it('keeps short text as it is', () => {
    expect(clipForLog('100-004')).toBe('100-004');
    expect(clipForLog('x'.repeat(LOG_TEXT_MAX))).toBe('x'.repeat(LOG_TEXT_MAX));
  });

  it('cuts long text to 120 characters with an ellipsis and the original length', () => {
    const out = clipForLog('R'.repeat(400));
    expect(out).toBe(`${'R'.repeat(120)}… (400 chars)`);
    expect(clipForLog('abcdef', 3)).toBe('abc… (6 chars)');
  });

  it('never splits a surrogate pair', () => {
    const out = clipForLog(`${'a'.repeat(119)}😀${'b'.repeat(50)}`) ?? '';
    expect(out.startsWith(`${'a'.repeat(119)}…`)).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('stringifies what is not a string, and keeps null for nothing', () => {
    expect(clipForLog(undefined)).toBeNull();
    expect(clipForLog(null)).toBeNull();
    expect(clipForLog(300)).toBe('300');
    expect(clipForLog({ retcode: 'x'.repeat(200) })).toMatch(/^\{"retcode":"x+… \(214 chars\)$/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(clipForLog(cyclic)).toBe('[unserialisable]');
  });
});

describe('fingerprint', () => {
  it('tags a Guid with 8 hex characters that do not contain it', () => {
    const tag = fingerprint('3c6e1d2a-secret.AgentGateway0');
    expect(tag).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('3c6e1d2a-secret.AgentGateway0')).toBe(tag);
    expect(fingerprint(null)).toBeNull();
  });
});
