// Random and mutated allonlineagents answers, as the text a gateway would send, and the check
// that the fast path (fast-parse.ts) and the reference (parseAllOnlineAgentsAnswer, zod) read
// each one the same way: same success, same values of every field, same quarantined records.
// Used by test/monitor/parser-agreement.test.ts (2,000 cases) and by
// `pnpm --filter @floorwatch/bench parser-fuzz` (100,000 cases).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  gatewayAgent,
  parseAllOnlineAgentsAnswer,
  type AllOnlineAgentsParse,
} from '@floorwatch/contracts/gateway';
import { agent as apiAgent } from '@floorwatch/contracts/api';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';
import { normalise } from '../../src/monitor/normalise';

type Json = unknown;
type Obj = Record<string, Json>;

const AGENT_KEYS = Object.keys(gatewayAgent.shape);

/** Values JSON.stringify cannot write, or writes differently: put into the text as is. */
const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '9'.repeat(400),
  `-${'9'.repeat(310)}`,
  '9007199254740991',
  '9007199254740992',
  '-9007199254740993',
  '12345678901234567890',
  '1e21',
  '-0',
  '0.0',
  '1.5',
  '4E0',
  '1e-7',
];
const ODD_DIGIT_STRINGS = [
  '"99999999999999999999"',
  `"${'9'.repeat(400)}"`,
  '"-9007199254740992"',
  '"9007199254740991"',
  '"+4"',
  '"4.0"',
  '" 4 "',
  '"4\\n"',
  '"\\ufeff4"',
  '"\\u00a04"',
  '"\uff14"', // fullwidth 4
  '"\u0664"', // Arabic-Indic 4
  '"0x10"',
  '"-0"',
  '"007"',
  '""',
  '"-"',
];

// ---- well-formed answers ---------------------------------------------------------------------

const smallInt = fc.integer({ min: 0, max: 12 });
const intLike = (int: fc.Arbitrary<number>) =>
  fc.oneof(
    int,
    int.map(String),
    int.map((n) => ` ${n}`),
  );
const digits = fc.stringMatching(/^[0-9]{1,12}$/);

const wireAgent: fc.Arbitrary<Obj> = fc.record(
  {
    // A small range, so the same work number turns up under several skills.
    workno: fc.oneof(
      fc.integer({ min: 2000, max: 2015 }).map(String),
      fc.integer({ min: 2000, max: 2015 }),
    ),
    name: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    status: intLike(smallInt),
    ctiStatus: intLike(smallInt),
    groupid: fc.option(intLike(smallInt), { nil: null }),
    groupname: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    skilllist: fc.option(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), { nil: null }),
    callids: fc.option(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), { nil: null }),
    mediatype: fc.constantFrom('TFF', 'TTF', 'ttf', 'T', 'FT', 'TTT', 'fff'),
    vdnid: intLike(fc.integer({ min: 1, max: 500 })),
    phonenumber: fc.option(fc.oneof(digits, fc.integer({ min: 0, max: 99_999_999 })), {
      nil: null,
    }),
    currentstatetime: intLike(fc.integer({ min: 0, max: 100_000 })),
    logindate: fc.option(
      fc.oneof(
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        fc.constant(4294967295000),
        fc.constant(0),
      ),
      { nil: null },
    ),
    inMultimediaConf: fc.option(smallInt, { nil: null }),
    currentStateReason: fc.option(intLike(fc.integer({ min: 0, max: 300 })), { nil: null }),
    // Fields the contract does not know are passed over.
    ...{ extra: fc.jsonValue({ maxDepth: 2 }) },
  },
  {
    requiredKeys: ['workno', 'status', 'ctiStatus', 'mediatype', 'vdnid', 'currentstatetime'],
  },
);

const wireSkill = fc.record({
  skillId: intLike(fc.integer({ min: 1, max: 6 })),
  skillMediaType: fc.constantFrom(5, 53, 6, 1, '5'),
  agent: fc.option(fc.array(wireAgent, { maxLength: 6 }), { nil: null }),
});

const wireAnswer: fc.Arbitrary<Obj> = fc.record({
  message: fc.option(fc.constantFrom('success', ''), { nil: null }),
  retcode: fc.constantFrom('0', 0, '0'),
  result: fc.array(wireSkill, { maxLength: 4 }),
});

// ---- mutations -------------------------------------------------------------------------------

/** A value to put somewhere: JSON, or raw text (`{ raw }`) for what JSON.stringify cannot say. */
type Value = { json: Json } | { raw: string };

const deep = fc.tuple(fc.integer({ min: 5, max: 300 }), fc.boolean()).map(([d, arr]): Value => ({
  raw: arr ? `${'['.repeat(d)}1${']'.repeat(d)}` : `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`,
}));

const value: fc.Arbitrary<Value> = fc.oneof(
  // wrong types
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Value>({ json: null }, { json: true }, { json: [] }, { json: {} }),
  },
  // huge strings (now and then a really long one)
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 500, max: 5_000 }) },
          { weight: 1, arbitrary: fc.constant(200_000) },
        ),
        fc.constantFrom('x', '9', ' '),
      )
      .map(([n, c]) => ({ json: c.repeat(n) })),
  },
  // huge, non-finite, fractional numbers and odd digit strings
  {
    weight: 4,
    arbitrary: fc.constantFrom(...RAW_NUMBERS, ...ODD_DIGIT_STRINGS).map((raw) => ({ raw })),
  },
  // unknown codes (valid integers the code tables do not know)
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 1_000_000 }).map((json) => ({ json })) },
  // deep nesting
  { weight: 1, arbitrary: deep },
);

type Mutation =
  | { kind: 'set'; at: number; key: string; value: Value }
  | { kind: 'drop'; at: number; key: string }
  | { kind: 'dup'; at: number; key: string; value: Value }
  | { kind: 'copy'; at: number; to: number }
  | { kind: 'skill'; at: number; key: string; value: Value | null }
  | { kind: 'frame'; key: string; value: Value | null }
  | { kind: 'record'; at: number; value: Value };

const key = fc.constantFrom(...AGENT_KEYS, 'extra');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set'), at: fc.nat(), key, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop'), at: fc.nat(), key }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dup'), at: fc.nat(), key, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy'), at: fc.nat(), to: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('skill'),
      at: fc.nat(),
      key: fc.constantFrom('skillId', 'skillMediaType', 'agent'),
      value: fc.option(value, { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('frame'),
      key: fc.constantFrom('retcode', 'message', 'result'),
      value: fc.option(value, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('record'), at: fc.nat(), value }) },
);

/** Writes `answer` as text with the mutations applied. Raw values go in through markers. */
function render(generated: Obj, mutations: readonly Mutation[]): string {
  // fast-check may hand the same objects out again (constants, shrinking): never edit them.
  const answer = structuredClone(generated);
  const raws: string[] = [];
  const put = (v: Value): Json => {
    if ('json' in v) return structuredClone(v.json);
    raws.push(v.raw);
    return `@@raw${raws.length - 1}@@`;
  };
  const skills = Array.isArray(answer.result) ? (answer.result as Obj[]) : [];
  const records = () =>
    skills.flatMap((s) =>
      Array.isArray(s.agent) ? (s.agent as Json[]).map((_, i) => ({ s, i })) : [],
    );
  for (const m of mutations) {
    const all = records();
    const pick = all.length > 0 && 'at' in m ? all[m.at % all.length] : undefined;
    const rec = pick ? (pick.s.agent as Json[])[pick.i] : undefined;
    const obj =
      typeof rec === 'object' && rec !== null && !Array.isArray(rec) ? (rec as Obj) : null;
    switch (m.kind) {
      case 'set':
        if (obj) obj[m.key] = put(m.value);
        break;
      case 'drop':
        if (obj) delete obj[m.key];
        break;
      case 'dup':
        // Written after the original, so JSON.parse keeps this one.
        if (obj) obj[`${m.key}@@dup@@`] = put(m.value);
        break;
      case 'copy': {
        const target = skills[m.to % Math.max(1, skills.length)];
        if (rec !== undefined && target && Array.isArray(target.agent))
          (target.agent as Json[]).push(structuredClone(rec));
        break;
      }
      case 'record':
        if (pick) (pick.s.agent as Json[])[pick.i] = put(m.value);
        break;
      case 'skill': {
        const s = skills[m.at % Math.max(1, skills.length)];
        if (s) {
          if (m.value === null) delete s[m.key];
          else s[m.key] = put(m.value);
        }
        break;
      }
      case 'frame':
        if (m.value === null) delete answer[m.key];
        else answer[m.key] = put(m.value);
        break;
    }
  }
  return JSON.stringify(answer)
    .replace(/"([^"\\]*)@@dup@@"/g, '"$1"')
    .replace(/"@@raw(\d+)@@"/g, (_, i: string) => raws[Number(i)]!);
}

const text = fc.oneof(
  { weight: 2, arbitrary: wireAnswer.map((a) => JSON.stringify(a)) },
  {
    weight: 12,
    arbitrary: fc
      .tuple(wireAnswer, fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([a, ms]) => render(a, ms)),
  },
  // Entirely random JSON, now and then in the envelope's clothes.
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((j) => JSON.stringify(j)) },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue({ maxDepth: 3 })
      .map((result) => JSON.stringify({ retcode: '0', message: '', result })),
  },
);

/** What a gateway sends: mostly clean text, sometimes with a BOM in front or cut short. */
export const answerText: fc.Arbitrary<string> = fc
  .tuple(
    text,
    fc.constantFrom('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'bom', 'cut'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([t, how, f]) => {
    if (how === 'bom') return `\ufeff${t}`;
    if (how === 'cut') return t.slice(0, Math.floor(t.length * f));
    return t;
  });

// ---- the comparison --------------------------------------------------------------------------

/** The gateway client's reading of a body: one leading BOM dropped, then JSON or nothing. */
function decode(t: string): { ok: true; body: unknown } | { ok: false } {
  const s = t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  try {
    return { ok: true, body: JSON.parse(s) as unknown };
  } catch {
    return { ok: false };
  }
}

export type Outcome = 'not-json' | 'refused' | 'accepted' | 'quarantined';

function sameRead(fast: AllOnlineAgentsParse, ref: AllOnlineAgentsParse): string | null {
  if (fast.success !== ref.success) return `success: fast ${fast.success}, zod ${ref.success}`;
  if (!fast.success || !ref.success) return null;
  if (!isDeepStrictEqual(fast.quarantined, ref.quarantined)) return 'quarantined records differ';
  const [f, r] = [fast.data, ref.data];
  if (f.message !== r.message || f.retcode !== r.retcode) return 'envelope differs';
  if (!f.result || !r.result) return f.result === r.result ? null : 'result null-ness differs';
  if (f.result.length !== r.result.length) return 'skill count differs';
  for (let i = 0; i < f.result.length; i++) {
    const [fs, rs] = [f.result[i]!, r.result[i]!];
    if (fs.skillId !== rs.skillId || fs.skillMediaType !== rs.skillMediaType)
      return `skill ${i} differs`;
    if (fs.agent.length !== rs.agent.length) return `skill ${i}: agent count differs`;
    for (let j = 0; j < fs.agent.length; j++) {
      const [fa, ra] = [fs.agent[j] as Obj, rs.agent[j] as Obj];
      // Every field of the contract; extra wire fields may stay on the fast path's object.
      for (const k of AGENT_KEYS)
        if (!isDeepStrictEqual(fa[k], ra[k])) return `skill ${i} agent ${j}: ${k} differs`;
    }
  }
  return null;
}

/** Normalising what was accepted yields agents the API schema accepts. */
function apiSafe(read: AllOnlineAgentsParse): string | null {
  if (!read.success) return null;
  const { agents } = normalise(read.data.result ?? [], 1_800_000_000_000, new Map());
  for (const a of agents.values()) {
    const r = apiAgent.safeParse(a);
    if (!r.success)
      return `agent ${a.workno.slice(0, 16)} breaks the API: ${r.error.issues[0]?.message}`;
  }
  return null;
}

export interface Verdict {
  outcome: Outcome;
  /** Why the two paths disagree (or the result breaks the API); null when all is well. */
  problem: string | null;
}

export function judge(t: string, opts: { checkApi?: boolean } = {}): Verdict {
  const a = decode(t);
  if (!a.ok) return { outcome: 'not-json', problem: null };
  // Each path gets its own copy: the fast path converts in place.
  const ref = parseAllOnlineAgentsAnswer((decode(t) as { body: unknown }).body);
  const fast = parseAllOnlineAgents(a.body);
  const outcome: Outcome = !ref.success
    ? 'refused'
    : ref.quarantined.length > 0
      ? 'quarantined'
      : 'accepted';
  const problem = sameRead(fast, ref) ?? (opts.checkApi === false ? null : apiSafe(fast));
  return { outcome, problem };
}

export interface FuzzSummary {
  runs: number;
  seed: number;
  outcomes: Record<Outcome, number>;
  /** Disagreements by kind (numbers blanked), with the start of one answer that showed it. */
  problems: Array<{ kind: string; count: number; example: string }>;
}

/** Runs `runs` answers without stopping at the first problem (the bench's 100,000-case run). */
export function fuzz(opts: {
  runs: number;
  seed: number;
  onProgress?: (done: number) => void;
}): FuzzSummary {
  const outcomes: Record<Outcome, number> = {
    'not-json': 0,
    refused: 0,
    accepted: 0,
    quarantined: 0,
  };
  const problems = new Map<string, { kind: string; count: number; example: string }>();
  let done = 0;
  fc.assert(
    fc.property(answerText, (t) => {
      const v = judge(t);
      outcomes[v.outcome] += 1;
      if (v.problem) {
        const kind = v.problem.replace(/\d+/g, '#');
        const p = problems.get(kind) ?? { kind, count: 0, example: t.slice(0, 300) };
        p.count += 1;
        problems.set(kind, p);
      }
      if (++done % 10_000 === 0) opts.onProgress?.(done);
    }),
    { numRuns: opts.runs, seed: opts.seed },
  );
  return { runs: opts.runs, seed: opts.seed, outcomes, problems: [...problems.values()] };
}
