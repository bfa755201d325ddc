// Numbers from the gateway must be safe integers: anything else cannot be shown exactly and, before
// this was enforced, reached the API as values its own schema refuses (the browser then froze).
import { describe, expect, it } from 'vitest';
import { gatewayAgent, intish, parseAllOnlineAgentsAnswer, stringish } from '../src/gateway/index';
import { agent as apiAgent } from '../src/api/index';

const record = (over: Record<string, unknown> = {}) => ({
  workno: '2005',
  name: 'liukai011',
  status: '4',
  ctiStatus: '1',
  mediatype: 'TFF',
  vdnid: 214,
  currentstatetime: 5,
  ...over,
});

describe('intish', () => {
  it.each([
    ['4', 4],
    [' 4 ', 4],
    [7, 7],
    ['-3', -3],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    [-Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
  ])('accepts %j', (input, out) => {
    expect(intish.parse(input)).toBe(out);
  });

  it.each([
    ['99999999999999999999'],
    [String(Number.MAX_SAFE_INTEGER + 1)],
    ['9'.repeat(400)],
    ['-' + '9'.repeat(400)],
    [1e20],
    [2 ** 53],
    [Infinity],
    [-Infinity],
    [NaN],
    [1.5],
    ['1.5'],
    ['4x'],
    [''],
  ])('refuses %j', (input) => {
    expect(intish.safeParse(input).success).toBe(false);
  });
});

describe('stringish', () => {
  it.each([
    ['2005', '2005'],
    [2005, '2005'],
    [0, '0'],
    [Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
    ['99999999999999999999', '99999999999999999999'],
  ])('accepts %j', (input, out) => {
    expect(stringish.parse(input)).toBe(out);
  });

  // A number beyond 2^53 has already lost digits (another agent's work number); ±1e400 in JSON
  // arrives as ±Infinity; a fraction is no identifier.
  it.each([[2 ** 64], [Infinity], [-Infinity], [NaN], [1.5]])('refuses the number %j', (input) => {
    expect(stringish.safeParse(input).success).toBe(false);
  });
});

describe('allonlineagents with quarantine', () => {
  it('leaves out the one bad record, keeps the rest, and names it', () => {
    const body = {
      retcode: '0',
      message: 'success',
      result: [
        {
          skillId: 1,
          skillMediaType: 5,
          agent: [record(), record({ workno: '2006', status: '99999999999999999999' })],
        },
        {
          skillId: 2,
          skillMediaType: 53,
          agent: [record({ workno: 2007, phonenumber: Infinity })],
        },
      ],
    };
    const parsed = parseAllOnlineAgentsAnswer(body);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.result?.map((s) => s.agent.map((a) => a.workno))).toEqual([['2005'], []]);
    expect(parsed.quarantined).toEqual([
      {
        skillIndex: 0,
        agentIndex: 1,
        skillId: 1,
        workno: '2006',
        issue: 'status: integer beyond ±2^53',
      },
      expect.objectContaining({ skillIndex: 1, agentIndex: 0, skillId: 2, workno: '2007' }),
    ]);
    // What is kept is valid API material.
    for (const a of parsed.data.result![0]!.agent)
      expect(gatewayAgent.safeParse(a).success).toBe(true);
  });

  it.each([
    ['no retcode', { message: '', result: [] }],
    ['a result that is not an array', { retcode: '0', result: 'x' }],
    ['a skill without an id', { retcode: '0', result: [{ skillMediaType: 5, agent: [] }] }],
    [
      'agents that are not an array',
      { retcode: '0', result: [{ skillId: 1, skillMediaType: 5, agent: {} }] },
    ],
    ['a retcode of 1e400', { retcode: Infinity, result: [] }],
  ])('refuses a broken frame as a whole: %s', (_name, body) => {
    expect(parseAllOnlineAgentsAnswer(body).success).toBe(false);
  });

  it('keeps API types: every int field of an accepted record fits the API schema', () => {
    const a = gatewayAgent.parse(record({ status: String(Number.MAX_SAFE_INTEGER) }));
    expect(apiAgent.shape.status.safeParse(a.status).success).toBe(true);
  });
});
