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
  /** The Agent each owner record made (undefined for the other records). */
  readonly agentAt: ReadonlyArray<Agent | undefined>;
  readonly agents: ReadonlyMap<string, Agent>;
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

/** Agent-list lengths per skill when the skeleton proves the records; null otherwise. */
function checkSkeleton(
  buf: Buffer,
  start: readonly number[],
  end: readonly number[],
): { lengths: number[]; envelope: Slots['envelope'] } | null {
  const n = start.length;
  // Unguessable, so no value the gateway sends can pass for a placeholder.
  const nonce = `fw-${randomBytes(9).toString('base64url')}-`;
  const parts = new Array<string>(2 * n + 1);
  parts[0] = buf.toString('utf8', 0, n > 0 ? start[0] : buf.length);
  for (let i = 0; i < n; i++) {
    parts[2 * i + 1] = `"${nonce}${i}"`;
    parts[2 * i + 2] = buf.toString('utf8', end[i], i + 1 < n ? start[i + 1] : buf.length);
  }
  // Decoding piece by piece is decoding the whole: every cut is next to an ASCII brace.
  const read = parseJsonText(parts.join(''));
  if (!read.isJson || !isObject(read.json)) return null;
  const top = read.json;
  const lengths: number[] = [];
  let i = 0;
  if (Array.isArray(top.result)) {
    for (const skill of top.result as unknown[]) {
      if (!isObject(skill)) return null;
      const list = skill.agent;
      if (!Array.isArray(list)) {
        lengths.push(0);
        continue;
      }
      for (const el of list as unknown[]) if (el !== `${nonce}${i++}`) return null;
      lengths.push(list.length);
    }
  }
  if (i !== n) return null;
  return { lengths, envelope: { message: top.message, retcode: top.retcode } };
}

/** The layout of `buf`, which the full pipeline read as `read`; null when it cannot be proven. */
export function learnLayout(buf: Buffer, read: FullRead, fullAt: number): Layout | null {
  const start: number[] = [];
  const end: number[] = [];
  const cstAt: number[] = [];
  const cstEnd: number[] = [];
  const span = newSpan();
  // A marker inside a record is skipped with it; one anywhere else fails the skeleton check.
  for (let p = buf.indexOf(RECORD_MARKER); p >= 0; p = buf.indexOf(RECORD_MARKER, span.end)) {
    if (!scanRecord(buf, p, buf.length, span)) return null;
    start.push(p);
    end.push(span.end);
    cstAt.push(span.cstAt);
    cstEnd.push(span.cstEnd);
  }
  const skeleton = checkSkeleton(buf, start, end);
  if (!skeleton) return null;

  // Record i ↔ what the parse made of it: skills in order, each list's entries in order, the
  // quarantined ones named by position.
  const skills = read.data.result ?? [];
  if (skills.length !== skeleton.lengths.length) return null;
  const n = start.length;
  const quarantined = new Uint8Array(n);
  const workno = new Array<string>(n);
  const cst = new Float64Array(n);
  const owners: number[] = [];
  const agentAt = new Array<Agent | undefined>(n);
  const seen = new Set<string>();
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
      if (seen.has(raw.workno)) continue;
      seen.add(raw.workno);
      const agent = read.agents.get(raw.workno);
      if (!agent) return null;
      owners.push(i);
      agentAt[i] = agent;
    }
    if (v !== valid.length) return null;
  }
  if (q !== read.quarantined.length || i !== n) return null;
  return {
    buf,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    cstAt: Int32Array.from(cstAt),
    cstEnd: Int32Array.from(cstEnd),
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
    agents: read.agents,
    queues: read.queues,
    fullAt,
  };
}
