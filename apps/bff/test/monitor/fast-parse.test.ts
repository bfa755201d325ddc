import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allOnlineAgentsResponse, parseAllOnlineAgentsAnswer } from '@floorwatch/contracts/gateway';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';

const example: unknown = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL(
        '../../../../packages/contracts/test/fixtures/allonlineagents.example.json',
        import.meta.url,
      ),
    ),
    'utf8',
  ),
);

function agent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workno: '1',
    name: 'x',
    status: '4',
    ctiStatus: '1',
    groupid: 0,
    groupname: null,
    skilllist: [],
    mediatype: 'TFF',
    vdnid: 1,
    phonenumber: '1',
    currentstatetime: 1,
    logindate: 1,
    callids: [],
    inMultimediaConf: 0,
    currentStateReason: 0,
    ...over,
  };
}

function answer(agents: Array<Record<string, unknown>>): unknown {
  return {
    message: 'success',
    retcode: '0',
    result: [{ skillId: 1, skillMediaType: 5, agent: agents }],
  };
}

describe('fast allonlineagents parse', () => {
  it('gives exactly what the contract schema gives for the documented example', () => {
    // zod sees a copy first: the fast path converts the body in place.
    const zod = allOnlineAgentsResponse.parse(structuredClone(example));
    const fast = parseAllOnlineAgents(example);
    expect(fast.success).toBe(true);
    expect(fast.success && fast.data).toEqual(zod);
  });

  const variants: Array<[string, Record<string, unknown>]> = [
    ['numeric codes', { status: 7, ctiStatus: 5, workno: 2001 }],
    [
      'missing optional fields',
      {
        groupname: undefined,
        skilllist: undefined,
        callids: undefined,
        inMultimediaConf: undefined,
        logindate: undefined,
        currentStateReason: undefined,
        groupid: null,
        name: null,
        phonenumber: null,
      },
    ],
    ['padded digit strings (zod trims)', { status: ' 4 ' }],
    ['numeric phone', { phonenumber: 88880026 }],
    ['extra fields', { surprise: { deep: true } }],
    ['lower-case media', { mediatype: 'ttf' }],
  ];
  for (const [name, over] of variants) {
    it(`agrees with zod on ${name}`, () => {
      const body = answer([agent(over)]);
      const zod = allOnlineAgentsResponse.safeParse(structuredClone(body));
      const fast = parseAllOnlineAgents(body);
      expect(fast.success).toBe(zod.success);
      // Same values for every field of the contract (extra wire fields may remain).
      if (fast.success && zod.success) expect(fast.data).toMatchObject(zod.data);
    });
  }

  const badRecords: Array<[string, Record<string, unknown>]> = [
    ['status not a number', { status: 'idle' }],
    ['bad media triple', { mediatype: 'XYZ' }],
    ['fractional time', { currentstatetime: 1.5 }],
    ['missing workno', { workno: undefined }],
    ['status beyond 2^53', { status: '99999999999999999999' }],
    ['a numeric workno beyond 2^53', { workno: 2 ** 60 }],
  ];
  for (const [name, over] of badRecords) {
    it(`quarantines a record with ${name}, exactly as the reference does`, () => {
      const body = answer([agent({ workno: '7' }), agent(over)]);
      const reference = parseAllOnlineAgentsAnswer(structuredClone(body));
      const fast = parseAllOnlineAgents(body);
      expect(fast).toEqual(reference);
      expect(fast.success && fast.quarantined.map((q) => q.agentIndex)).toEqual([1]);
      expect(fast.success && fast.data.result?.[0]?.agent.map((a) => a.workno)).toEqual(['7']);
    });
  }

  const badFrames: Array<[string, unknown]> = [
    ['a string result', { retcode: '0', message: '', result: 'unexpected-shape' }],
    ['not an object', 42],
    ['no retcode', { message: '', result: [] }],
    ['a retcode of Infinity', { retcode: Infinity, result: [] }],
    ['a skill id beyond 2^53', { retcode: '0', result: [{ skillId: 2 ** 60, skillMediaType: 5 }] }],
  ];
  for (const [name, body] of badFrames) {
    it(`refuses ${name} as a whole, with the contract's error`, () => {
      const fast = parseAllOnlineAgents(body);
      expect(fast.success).toBe(false);
      expect(parseAllOnlineAgentsAnswer(body).success).toBe(false);
    });
  }
});
