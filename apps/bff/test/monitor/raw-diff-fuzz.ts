// Random floors polled several times with random changes in between, written as the gateway
// writes allonlineagents, and the check that the raw-diff ingest (src/monitor/agents-ingest.ts)
// reads every poll exactly as the full pipeline does (readJsonBody → parseAllOnlineAgents →
// normalise): same outcome, same agents (by value, in the same order, and the same objects kept
// where the full pipeline keeps them), same queue cores, same quarantined records.
// Used by test/monitor/raw-diff.test.ts.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Agent } from '@floorwatch/contracts/api';
import {
  acceptedRecords,
  anyEnvelope,
  type QuarantinedRecord,
} from '@floorwatch/contracts/gateway';
import { readJsonBody } from '../../src/gateway/gateway-client';
import { createMetrics, type Metrics } from '../../src/metrics';
import { createAgentsIngest } from '../../src/monitor/agents-ingest';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';
import { normalise, type QueueCore } from '../../src/monitor/normalise';

// ---- the floor ---------------------------------------------------------------------------------

/** How one agent's records are written (kept until changed). */
export const QUIRKS = [
  'plain',
  'numeric', // status and ctiStatus as numbers
  'quoted-cst', // "currentstatetime":"527"
  'nested-marker', // a {"workno": object inside skilllist
  'keys-reordered', // name before workno: no marker
  'escaped-name', // quotes, backslashes and non-ASCII in the name
  'escaped-cst', // a ticking currentstatetime, then the one JSON.parse keeps, its key escaped
  'dup-cst', // a ticking currentstatetime, then a fixed "07" (JSON.parse keeps the last)
  'spaced', // a space after every colon
  'bad-status', // rejected by the contract: quarantined
  'not-object', // the record is null
  'split', // a different status under every skill but the first
  'huge-cst', // 16 digits
] as const;
export type Quirk = (typeof QUIRKS)[number];

interface MAgent {
  workno: string;
  name: string;
  status: number;
  cti: number;
  reason: number;
  group: number;
  media: string;
  phone: string;
  /** Model second the current state started. */
  since: number;
  login: number;
  quirk: Quirk;
}

interface MSkill {
  id: number;
  media: number;
  members: string[];
}

export interface Model {
  agents: Record<string, MAgent>;
  skills: MSkill[];
  message: string;
  /** List a skill without members as `"agent":[]` (else leave it out, as the simulator does). */
  listEmpty: boolean;
}

const WORKNOS = Array.from({ length: 12 }, (_, i) => String(2001 + i));
const STATES: ReadonlyArray<readonly [number, number]> = [
  [4, 1],
  [7, 5],
  [5, 6],
  [3, 7],
  [8, 8],
];

const quirk = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Quirk>('plain') },
  { weight: 1, arbitrary: fc.constantFrom<Quirk>(...QUIRKS) },
  { weight: 1, arbitrary: fc.constant<Quirk>('bad-status') },
);

const mAgent = (workno: string): fc.Arbitrary<MAgent> =>
  fc.record({
    workno: fc.constant(workno),
    name: fc.constantFrom('Ann', 'Bo', '', 'Zoë'),
    status: fc.constantFrom(...STATES.map(([s]) => s)),
    cti: fc.constant(1),
    reason: fc.constantFrom(0, 0, 4),
    group: fc.integer({ min: 0, max: 3 }),
    media: fc.constantFrom('TFF', 'TTF'),
    phone: fc.constantFrom('88880026', '88880027', ''),
    since: fc.integer({ min: 0, max: 5000 }),
    login: fc.integer({ min: 1_700_000_000, max: 1_700_100_000 }),
    quirk,
  });

export const model: fc.Arbitrary<Model> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...WORKNOS), { minLength: 1, maxLength: 8 }),
    fc.integer({ min: 1, max: 4 }),
    fc.boolean(),
  )
  .chain(([worknos, nSkills, listEmpty]) =>
    fc.record({
      agents: fc
        .tuple(...worknos.map(mAgent))
        .map((as) => Object.fromEntries(as.map((a) => [a.workno, a]))),
      skills: fc.tuple(
        ...Array.from({ length: nSkills }, (_, k) =>
          fc.record({
            id: fc.constant(k + 1),
            media: fc.constantFrom(5, 53),
            members: fc.subarray(worknos, { minLength: 0 }),
          }),
        ),
      ),
      message: fc.constant('success'),
      listEmpty: fc.constant(listEmpty),
    }),
  );

// ---- changes between polls ---------------------------------------------------------------------

export type Change =
  | { kind: 'state'; at: number; to: number; held: number }
  | { kind: 'reenter'; at: number }
  | { kind: 'drift'; at: number; by: number }
  | { kind: 'field'; at: number; field: 'name' | 'phone' | 'media' | 'group' | 'login' | 'reason' }
  | { kind: 'quirk'; at: number; quirk: Quirk }
  | { kind: 'sign-in'; workno: string; skills: number[] }
  | { kind: 'sign-out'; at: number }
  | { kind: 'join'; at: number; skill: number }
  | { kind: 'leave'; at: number; skill: number }
  | { kind: 'twice'; at: number; skill: number }
  | { kind: 'reorder'; skill: number; seed: number }
  | { kind: 'reorder-skills'; seed: number }
  | { kind: 'message' }
  | { kind: 'skill-media'; skill: number };

const at = fc.nat();
export const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('state'),
      at,
      to: fc.nat(STATES.length - 1),
      held: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reenter'), at }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('drift'), at, by: fc.integer({ min: -6, max: 6 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('field'),
      at,
      field: fc.constantFrom('name', 'phone', 'media', 'group', 'login', 'reason'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('quirk'), at, quirk: fc.constantFrom(...QUIRKS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sign-in'),
      workno: fc.constantFrom(...WORKNOS),
      skills: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sign-out'), at }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('join'), at, skill: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('leave'), at, skill: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('twice'), at, skill: fc.integer({ min: 1, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reorder'), skill: fc.nat(3), seed: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reorder-skills'), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('message') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skill-media'), skill: fc.nat(3) }) },
);

/** What happens to one poll's text only. */
export type Garble =
  | { kind: 'none' }
  | { kind: 'bom' }
  | { kind: 'space-skeleton' }
  | { kind: 'space-record'; at: number }
  | { kind: 'cut'; fraction: number }
  | { kind: 'broken-record'; at: number; how: 'cut' | 'bare-word' }
  | { kind: 'retcode'; to: string };

export const garble: fc.Arbitrary<Garble> = fc.oneof(
  { weight: 24, arbitrary: fc.constant<Garble>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.constant<Garble>({ kind: 'bom' }) },
  { weight: 1, arbitrary: fc.constant<Garble>({ kind: 'space-skeleton' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('space-record'), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cut'),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('broken-record'),
      at,
      how: fc.constantFrom('cut', 'bare-word'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retcode'), to: fc.constantFrom('100-006', '0') }),
  },
);

export interface Poll {
  changes: Change[];
  /** Seconds since the last poll. */
  tick: number;
  /** When within the second the BFF read the answer. */
  jitterMs: number;
  garble: Garble;
}

export const poll: fc.Arbitrary<Poll> = fc.record({
  changes: fc.array(change, { maxLength: 3 }),
  tick: fc.integer({ min: 1, max: 3 }),
  jitterMs: fc.integer({ min: 0, max: 1500 }),
  garble,
});

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed | 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const j = Math.abs(s) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Applies a change to the model at model second `now`. */
export function apply(m: Model, c: Change, now: number): void {
  const signedIn = Object.keys(m.agents);
  const pick = (n: number) => m.agents[signedIn[n % Math.max(1, signedIn.length)]!];
  const skill = (id: number) => m.skills.find((s) => s.id === id);
  switch (c.kind) {
    case 'state': {
      const a = pick(c.at);
      if (!a) return;
      [a.status, a.cti] = STATES[c.to]!;
      a.since = now - c.held;
      return;
    }
    case 'reenter': {
      const a = pick(c.at);
      if (a) a.since = now;
      return;
    }
    case 'drift': {
      const a = pick(c.at);
      if (a) a.since = Math.min(now, a.since + c.by);
      return;
    }
    case 'field': {
      const a = pick(c.at);
      if (!a) return;
      if (c.field === 'name') a.name = a.name === 'Ann' ? 'Anne' : 'Ann';
      else if (c.field === 'phone') a.phone = a.phone === '1' ? '2' : '1';
      else if (c.field === 'media') a.media = a.media === 'TFF' ? 'TTF' : 'TFF';
      else if (c.field === 'group') a.group += 1;
      else if (c.field === 'login') a.login += 60;
      else a.reason = a.reason === 0 ? 4 : 0;
      return;
    }
    case 'quirk': {
      const a = pick(c.at);
      if (a) a.quirk = c.quirk;
      return;
    }
    case 'sign-in': {
      if (!m.agents[c.workno]) {
        m.agents[c.workno] = {
          workno: c.workno,
          name: 'New',
          status: 4,
          cti: 1,
          reason: 0,
          group: 0,
          media: 'TFF',
          phone: '1',
          since: now,
          login: 1_700_200_000,
          quirk: 'plain',
        };
      }
      for (const id of c.skills) {
        const s = skill(id);
        if (s && !s.members.includes(c.workno)) s.members.push(c.workno);
      }
      return;
    }
    case 'sign-out': {
      const a = pick(c.at);
      if (!a) return;
      delete m.agents[a.workno];
      for (const s of m.skills) s.members = s.members.filter((w) => w !== a.workno);
      return;
    }
    case 'join':
    case 'twice': {
      const a = pick(c.at);
      const s = skill(c.skill);
      if (a && s && (c.kind === 'twice' || !s.members.includes(a.workno))) s.members.push(a.workno);
      return;
    }
    case 'leave': {
      const a = pick(c.at);
      const s = skill(c.skill);
      if (a && s) s.members = s.members.filter((w) => w !== a.workno);
      return;
    }
    case 'reorder': {
      const s = m.skills[c.skill % m.skills.length];
      if (s) s.members = shuffle(s.members, c.seed);
      return;
    }
    case 'reorder-skills':
      m.skills = shuffle(m.skills, c.seed);
      return;
    // Same length, so only the bytes compared after a changed record show it.
    case 'message':
      m.message = m.message === 'success' ? 'succeed' : 'success';
      return;
    case 'skill-media': {
      const s = m.skills[c.skill % m.skills.length];
      if (s) s.media = s.media === 5 ? 6 : 5;
      return;
    }
  }
}

// ---- writing it as the gateway does ------------------------------------------------------------

function recordText(a: MAgent, now: number, first: boolean): string {
  const cst = a.quirk === 'huge-cst' ? 1_234_567_890_123_456 + now : Math.max(0, now - a.since);
  const status = a.quirk === 'split' && !first ? a.status + 1 : a.status;
  const numeric = a.quirk === 'numeric';
  const wire: Record<string, unknown> = {
    workno: a.workno,
    name: a.quirk === 'escaped-name' ? `${a.name} "q" \\ é ${String.fromCharCode(0x2028)}` : a.name,
    status: a.quirk === 'bad-status' ? 'x' : numeric ? status : String(status),
    ctiStatus: numeric ? a.cti : String(a.cti),
    groupid: a.group,
    groupname: null,
    skilllist: a.quirk === 'nested-marker' ? [{ workno: '9', currentstatetime: cst }] : [],
    mediatype: a.media,
    vdnid: 214,
    phonenumber: a.phone,
    currentstatetime: a.quirk === 'quoted-cst' ? String(cst) : cst,
    logindate: a.login * 1000,
    callids: [],
    inMultimediaConf: 0,
    currentStateReason: a.reason,
  };
  if (a.quirk === 'not-object') return 'null';
  if (a.quirk === 'keys-reordered') {
    const { name, ...rest } = wire;
    return JSON.stringify({ name, ...rest });
  }
  let t = JSON.stringify(wire);
  if (a.quirk === 'escaped-cst') t = t.replace(/}$/, ',"currentstat\\u0065time":7}');
  if (a.quirk === 'dup-cst') t = t.replace(/}$/, ',"currentstatetime":"07"}');
  if (a.quirk === 'spaced') t = t.replace(/":/g, '": ');
  return t;
}

export function render(m: Model, now: number, g: Garble): string {
  const firstSkill = new Map<string, number>();
  const skills = m.skills
    .filter((s) => m.listEmpty || s.members.length > 0)
    .map((s, k) => {
      const recs = s.members.map((w) => {
        if (!firstSkill.has(w)) firstSkill.set(w, k);
        return recordText(m.agents[w]!, now, firstSkill.get(w) === k);
      });
      return { head: `{"skillId":${s.id},"agent":[`, recs, tail: `],"skillMediaType":${s.media}}` };
    });
  const all = skills.flatMap((s) => s.recs.map((_, i) => ({ s, i })));
  if ((g.kind === 'space-record' || g.kind === 'broken-record') && all.length > 0) {
    const { s, i } = all[g.at % all.length]!;
    const t = s.recs[i]!;
    s.recs[i] =
      g.kind === 'space-record'
        ? t.replace(',', ' ,')
        : g.how === 'cut'
          ? `${t.slice(0, Math.floor(t.length / 2))}oops}`
          : t.replace(/"name":\s*"[^"]*"/, '"name":nope');
  }
  const sep = g.kind === 'space-skeleton' ? ', ' : ',';
  const retcode =
    g.kind === 'retcode' && g.to !== '0' ? `"${g.to}"` : g.kind === 'retcode' ? '0' : '"0"';
  let t = `{"result":[${skills.map((s) => s.head + s.recs.join(',') + s.tail).join(sep)}],"message":${JSON.stringify(m.message)},"retcode":${retcode}}`;
  if (g.kind === 'bom') t = `\ufeff${t}`;
  if (g.kind === 'cut') t = t.slice(0, Math.floor(t.length * g.fraction));
  return t;
}

// ---- the two pipelines -------------------------------------------------------------------------

export type Outcome =
  | { kind: 'not-json' | 'refused' }
  | {
      kind: 'read';
      agents: ReadonlyMap<string, Agent>;
      queues: ReadonlyMap<number, QueueCore>;
      quarantined: readonly QuarantinedRecord[];
    };

type Step = (bytes: Buffer, fetchedAt: number) => Outcome;

const retcodeOf = (envelope: unknown) => {
  const e = anyEnvelope.safeParse(envelope);
  return e.success ? e.data.retcode : null;
};

/** The monitor before the raw diff: decode, parse, validate, normalise; the floor is kept only
 *  from an answer it used. */
export function fullPipeline(): Step {
  let prev: ReadonlyMap<string, Agent> = new Map();
  return (bytes, fetchedAt) => {
    const json = readJsonBody(bytes);
    if (!json.isJson) return { kind: 'not-json' };
    if (retcodeOf(json.json) !== '0') return { kind: 'refused' };
    const parsed = parseAllOnlineAgents(json.json);
    if (!parsed.success || parsed.quarantined.length > acceptedRecords(parsed.data))
      return { kind: 'refused' };
    const { agents, queues } = normalise(parsed.data.result ?? [], fetchedAt, prev);
    prev = agents;
    return { kind: 'read', agents, queues, quarantined: parsed.quarantined };
  };
}

/** The monitor with the raw diff: the reader on the bytes as the gateway client runs it, the
 *  envelope it hands the gateway layer, then the ingest. */
export function rawDiffPipeline(fullEveryMs: number): { step: Step; metrics: Metrics } {
  let prev: ReadonlyMap<string, Agent> = new Map();
  let clock = 0;
  const metrics = createMetrics({ defaultMetrics: false });
  const ingest = createAgentsIngest({
    mode: 'raw-diff',
    fullEveryMs,
    metrics,
    onDiffError: (err) => {
      throw err;
    },
    now: () => clock,
  });
  const step: Step = (sent, fetchedAt) => {
    clock = fetchedAt;
    // As the gateway client does: the body gathered into the reader's own buffer, which held an
    // earlier answer.
    const reader = ingest.request.readBody!;
    const bytes = reader.buffer?.(sent.length) ?? Buffer.from(sent);
    sent.copy(bytes);
    const own = reader.read(bytes);
    const json = own ? { isJson: true as const, json: own.envelope } : readJsonBody(bytes);
    if (!json.isJson) return { kind: 'not-json' };
    if (retcodeOf(json.json) !== '0') return { kind: 'refused' };
    const body = own ? own.body : json.json;
    const read = ingest.read(body, bytes, fetchedAt, prev);
    if (!read.success || read.data.quarantined.length > read.data.accepted)
      return { kind: 'refused' };
    const { agents, queues, quarantined } = read.data;
    prev = agents;
    ingest.committed(read.data);
    return { kind: 'read', agents, queues, quarantined };
  };
  return { step, metrics };
}

// ---- the comparison ----------------------------------------------------------------------------

const sortedQueues = (q: ReadonlyMap<number, QueueCore>) =>
  [...q.values()].sort((a, b) => a.skillId - b.skillId);

/** Why the raw diff's reading of a poll differs from the full pipeline's; null when it does not. */
export function difference(
  full: Outcome,
  raw: Outcome,
  fullPrev: ReadonlyMap<string, Agent>,
  rawPrev: ReadonlyMap<string, Agent>,
): string | null {
  if (full.kind !== raw.kind) return `outcome: full ${full.kind}, raw diff ${raw.kind}`;
  if (full.kind !== 'read' || raw.kind !== 'read') return null;
  const fw = [...full.agents.keys()];
  const rw = [...raw.agents.keys()];
  if (!isDeepStrictEqual(fw, rw))
    return `agents or their order differ: ${fw.join()} vs ${rw.join()}`;
  for (const w of fw) {
    const [f, r] = [full.agents.get(w)!, raw.agents.get(w)!];
    if (!isDeepStrictEqual(f, r)) return `agent ${w} differs`;
    // The snapshot store's diff compares references: kept where the full pipeline keeps it.
    if ((f === fullPrev.get(w)) !== (r === rawPrev.get(w))) return `agent ${w}: identity differs`;
  }
  if (!isDeepStrictEqual(sortedQueues(full.queues), sortedQueues(raw.queues)))
    return 'queue cores differ';
  if (!isDeepStrictEqual(full.quarantined, raw.quarantined)) return 'quarantined records differ';
  return null;
}

/** Polls `m` once, then after each change set; the first difference, or null. */
export function runPolls(m0: Model, polls: readonly Poll[], fullEveryMs: number) {
  const m = structuredClone(m0);
  const full = fullPipeline();
  const raw = rawDiffPipeline(fullEveryMs);
  let now = 10_000;
  let fullPrev: ReadonlyMap<string, Agent> = new Map();
  let rawPrev: ReadonlyMap<string, Agent> = new Map();
  const outcomes: Record<Outcome['kind'], number> = { 'not-json': 0, refused: 0, read: 0 };
  const steps: Poll[] = [{ changes: [], tick: 0, jitterMs: 0, garble: { kind: 'none' } }, ...polls];
  for (let p = 0; p < steps.length; p++) {
    const step = steps[p]!;
    now += step.tick;
    for (const c of step.changes) apply(m, c, now);
    const bytes = Buffer.from(render(m, now, step.garble));
    const fetchedAt = 1_800_000_000_000 + now * 1000 + step.jitterMs;
    const f = full(bytes, fetchedAt);
    const r = raw.step(bytes, fetchedAt);
    const problem = difference(f, r, fullPrev, rawPrev);
    if (problem) return { problem: `poll ${p}: ${problem}`, metrics: raw.metrics, outcomes };
    outcomes[f.kind] += 1;
    if (f.kind === 'read' && r.kind === 'read') {
      fullPrev = f.agents;
      rawPrev = r.agents;
    }
  }
  return { problem: null, metrics: raw.metrics, outcomes };
}
