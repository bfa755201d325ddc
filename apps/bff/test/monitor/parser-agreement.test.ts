// The fast path must read every answer exactly as the contract does: accept what it accepts,
// with the same values, and quarantine the same records. fast-check throws random and mutated
// answers at both (wrong types, dropped and duplicated keys, huge strings, huge and non-finite
// numbers, nulls, deep nesting, unknown codes, duplicate work numbers, a BOM, truncation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerText, judge, type Outcome } from './parser-fuzz';

describe('fast path and contract agree', { timeout: 120_000 }, () => {
  it('on 2,000 random and mutated answers, and what they accept is valid API material', () => {
    const outcomes: Record<Outcome, number> = {
      'not-json': 0,
      refused: 0,
      accepted: 0,
      quarantined: 0,
    };
    fc.assert(
      fc.property(answerText, (t) => {
        const v = judge(t);
        outcomes[v.outcome] += 1;
        if (v.problem) throw new Error(v.problem);
      }),
      { numRuns: 2000 },
    );
    // The run reached every kind of outcome, so the agreement is not vacuous.
    for (const [k, n] of Object.entries(outcomes)) expect(n, k).toBeGreaterThan(20);
  });

  it.each([
    ['a status of 2^53 as a string', '"9007199254740992"'],
    ['a 400-digit status', '9'.repeat(400)],
    ['a status of -1e400', '-1e400'],
  ])('on %s (found by the audit)', (_name, raw) => {
    const t = `{"retcode":"0","message":"","result":[{"skillId":1,"skillMediaType":5,"agent":[
      {"workno":"1","status":${raw},"ctiStatus":1,"mediatype":"TFF","vdnid":1,"currentstatetime":1},
      {"workno":"2","status":4,"ctiStatus":1,"mediatype":"TFF","vdnid":1,"currentstatetime":1}]}]}`;
    expect(judge(t)).toEqual({ outcome: 'quarantined', problem: null });
  });

  it.each([
    ['workno', '1e400'],
    ['phonenumber', '12345678901234567890'],
    ['workno', '-1e400'],
  ])('on a %s of %s', (field, raw) => {
    const t = `{"retcode":"0","message":"","result":[{"skillId":1,"skillMediaType":5,"agent":[
      {"workno":"1","status":4,"ctiStatus":1,"mediatype":"TFF","vdnid":1,"currentstatetime":1,"${field}":${raw}},
      {"workno":"2","status":4,"ctiStatus":1,"mediatype":"TFF","vdnid":1,"currentstatetime":1}]}]}`;
    expect(judge(t)).toEqual({ outcome: 'quarantined', problem: null });
  });

  it('on a retcode of 1e400 (refused as a whole)', () => {
    expect(judge('{"retcode":1e400,"result":[]}')).toEqual({ outcome: 'refused', problem: null });
  });
});
