// The layout of an allonlineagents answer that the next answer's bytes are compared with
// (raw-diff.ts): where each agent record lies, and what the full parse made of each. It is learnt
// only from an answer the full pipeline read (fast-parse.ts, normalise.ts), and only when the
// bytes prove the records were found right: the answer with every record replaced by a unique
// placeholder (the skeleton: envelope, skill headers, separators) must parse, through the same
// decoding as any answer, to skill lists holding exactly those placeholders in order. Anything
// else (a record that does not open with the marker, a record found inside another value, a
// skill list the parse reads differently) leaves no layout, and the next poll is read in full.
import { randomBytes } from 'node:crypto';
import type { Agent } from '@floorwatch/contracts/api';
import type { AllOnlineAgentsResponse, QuarantinedRecord } from '@floorwatch/contracts/gateway';
import { parseJsonText } from '../gateway/gateway-client';
import type { QueueCore } from './normalise';
import { newSpan, RECORD_MARKER, scanRecord } from './record-scan';

/** What a skeleton fixes: the same for every answer diffed against a layout descending from it. */
export interface Slots {
  /** Agent records (entries of every skill's agent list, the quarantined ones too). */
  readonly n: number;
  /** 1 where the contract rejected the record (quarantined, left out of the floor). */
  readonly quarantined: Uint8Array;
  /** The work number of each accepted record ('' for a quarantined one). */
  readonly workno: readonly string[];
  /** The records an agent's fields come from: the first accepted one of each work number. */
  readonly owners: Int32Array;
  readonly quarantine: readonly QuarantinedRecord[];
  /** Accepted records (acceptedRecords of the parse). */
  readonly accepted: number;
  /** The answer's top level as the gateway layer reads it (retcode, message). */
  readonly envelope: { message: unknown; retcode: unknown };
}

/** One answer, by bytes, and the floor it made. */
export interface Layout {
  readonly buf: Buffer;
  /** Record i is buf[start[i], end[i]); what follows it up to the next record (or the end of
   *  the answer) is skeleton, as is everything before the first. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The digits of record i's top-level currentstatetime, or -1 (then the record is compared
   *  whole). */
  readonly cstAt: Int32Array;
  readonly cstEnd: Int32Array;
  /** currentstatetime of each accepted record, as read. */
  readonly cst: Float64Array;
  readonly slots: Slots;
  /** The Agent each owner record made (undefined for the other records). A diffed answer's
   *  layout takes this array over and writes its changed agents into it when its floor is
   *  committed (agents-ingest.ts): the layout it came from is superseded then. */
  readonly agentAt: Array<Agent | undefined>;
  readonly queues: ReadonlyMap<number, QueueCore>;
  /** When the answer this layout descends from was read in full. */
  readonly fullAt: number;
}

/** What the full pipeline made of an answer. */
export interface FullRead {
  data: AllOnlineAgentsResponse;
  quarantined: readonly QuarantinedRecord[];
  accepted: number;
  agents: ReadonlyMap<string, Agent>;
  queues: ReadonlyMap<number, QueueCore>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** buf[from, to) decoded; most pieces between two records are one comma. */
function text(buf: Buffer, from: number, to: number): string {
  const c = buf[from] as number;
  return to - from === 1 && c < 0x80 ? String.fromCharCode(c) : buf.toString('utf8', from, to);
}

/** Agent-list lengths per skill when the skeleton proves the records; null otherwise. */
function checkSkeleton(
  buf: Buffer,
  records: Spans,
): { lengths: number[]; envelope: Slots['envelope'] } | null {
  const { n, start, end } = records;
  // Unguessable, so no value the gateway sends can pass for it. One placeholder for all: they
  // come out of the parse in the order they went in.
  const placeholder = `fw-${randomBytes(12).toString('base64url')}`;
  const quoted = `"${placeholder}"`;
  let skeleton = buf.toString('utf8', 0, n > 0 ? start[0] : buf.length);
  for (let i = 0; i < n; i++)
    skeleton += quoted + text(buf, end[i]!, i + 1 < n ? start[i + 1]! : buf.length);
  // Decoding piece by piece is decoding the whole: every cut is next to an ASCII brace.
  const read = parseJsonText(skeleton);
  if (!read.isJson || !isObject(read.json)) return null;
  const top = read.json;
  const lengths: number[] = [];
  let found = 0;
  if (Array.isArray(top.result)) {
    for (const skill of top.result as unknown[]) {
      if (!isObject(skill)) return null;
      const list = skill.agent;
      if (!Array.isArray(list)) {
        lengths.push(0);
        continue;
      }
      for (const el of list as unknown[]) if (el !== placeholder) return null;
      found += list.length;
      lengths.push(list.length);
    }
  }
  // Every placeholder sits in a skill's agent list, and nothing else does.
  if (found !== n) return null;
  return { lengths, envelope: { message: top.message, retcode: top.retcode } };
}

/** The records found by their marker, in order. */
interface Spans {
  n: number;
  start: Int32Array;
  end: Int32Array;
  cstAt: Int32Array;
  cstEnd: Int32Array;
}

function findRecords(buf: Buffer): Spans | null {
  let cap = 1024;
  let cols = [0, 1, 2, 3].map(() => new Int32Array(cap));
  let n = 0;
  const span = newSpan();
  // A marker inside a record is skipped with it; one anywhere else fails the skeleton check.
  for (let p = buf.indexOf(RECORD_MARKER); p >= 0; p = buf.indexOf(RECORD_MARKER, span.end)) {
    if (!scanRecord(buf, p, buf.length, span)) return null;
    if (n === cap) {
      cap *= 2;
      cols = cols.map((c) => {
        const wider = new Int32Array(cap);
        wider.set(c);
        return wider;
      });
    }
    cols[0]![n] = p;
    cols[1]![n] = span.end;
    cols[2]![n] = span.cstAt;
    cols[3]![n] = span.cstEnd;
    n++;
  }
  const [start, end, cstAt, cstEnd] = cols.map((c) => c.slice(0, n)) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  return { n, start, end, cstAt, cstEnd };
}

/** The layout of `buf`, which the full pipeline read as `read`; null when it cannot be proven. */
export function learnLayout(buf: Buffer, read: FullRead, fullAt: number): Layout | null {
  const records = findRecords(buf);
  if (!records) return null;
  const skeleton = checkSkeleton(buf, records);
  if (!skeleton) return null;

  // Record i ↔ what the parse made of it: skills in order, each list's entries in order, the
  // quarantined ones named by position.
  const skills = read.data.result ?? [];
  if (skills.length !== skeleton.lengths.length) return null;
  const n = records.n;
  const quarantined = new Uint8Array(n);
  const workno = new Array<string>(n);
  const cst = new Float64Array(n);
  const owners: number[] = [];
  const agentAt = new Array<Agent | undefined>(n);
  // normalise() adds each agent at its first accepted record: in this order, the next agent not
  // yet met is the one whose first record comes next.
  const firsts = read.agents.values();
  let nextFirst = firsts.next();
  let q = 0;
  let i = 0;
  for (let k = 0; k < skills.length; k++) {
    const valid = skills[k]!.agent;
    let v = 0;
    for (let j = 0; j < skeleton.lengths[k]!; j++, i++) {
      const left = read.quarantined[q];
      if (left && left.skillIndex === k && left.agentIndex === j) {
        quarantined[i] = 1;
        workno[i] = '';
        q++;
        continue;
      }
      const raw = valid[v++];
      if (!raw) return null;
      workno[i] = raw.workno;
      cst[i] = raw.currentstatetime;
      if (nextFirst.done || nextFirst.value.workno !== raw.workno) continue;
      owners.push(i);
      agentAt[i] = nextFirst.value;
      nextFirst = firsts.next();
    }
    if (v !== valid.length) return null;
  }
  if (q !== read.quarantined.length || i !== n || !nextFirst.done) return null;
  return {
    buf,
    start: records.start,
    end: records.end,
    cstAt: records.cstAt,
    cstEnd: records.cstEnd,
    cst,
    slots: {
      n,
      quarantined,
      workno,
      owners: Int32Array.from(owners),
      quarantine: read.quarantined,
      accepted: read.accepted,
      envelope: skeleton.envelope,
    },
    agentAt,
    queues: read.queues,
    fullAt,
  };
}
