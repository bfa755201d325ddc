// The random floors of the raw-diff property test (raw-diff.test.ts): agents and skills, how each
// agent's records are written, the changes between two polls and what garbles one poll's text.
// raw-diff-fuzz.ts writes them as the gateway does and runs both pipelines on them.
import fc from 'fast-check';

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

export interface MAgent {
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
