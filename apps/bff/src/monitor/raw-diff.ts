// The raw diff of an allonlineagents answer against the last one (its Layout, raw-layout.ts):
// the skeleton must be byte for byte the same, a record whose bytes are the same but for the
// digits of its currentstatetime keeps its reading, and only a record whose bytes differ
// otherwise is read again (JSON.parse of its bytes, then the contract as in the full parse). A
// change the diff cannot carry (a record that is not JSON, an agent list that changed, a
// quarantined record that changed, a different skeleton) is named, and the answer is read in
// full instead. Then the floor follows with the normaliser's own rules (normalise.ts): an agent
// whose record only ticked keeps its object while its state start stays within the tolerance.
import { ZodError } from 'zod';
import type { Agent } from '@floorwatch/contracts/api';
import type { GatewayAgent } from '@floorwatch/contracts/gateway';
import { readAgentRecord } from './fast-parse';
import { sameStateStart, stateStart, toAgent, type QueueCore } from './normalise';
import type { Layout } from './raw-layout';
import { digitsEnd, digitsValue, newSpan, scanRecord } from './record-scan';

/** Why an answer could not be diffed. */
export type DiffMiss =
  /** The skeleton differs: agents signed in or out, skills changed, a different envelope, a
   *  BOM, other whitespace, a cut answer. */
  | 'structure'
  /** A changed record is not JSON (the whole answer is not either). */
  | 'record'
  /** A record's work number changed or the contract now rejects it: the agent lists differ. */
  | 'membership'
  /** A record the contract rejected has changed. */
  | 'quarantine';

/** An answer's records against a layout: new positions, and the readings of the changed ones. */
export class RawDiff {
  constructor(
    readonly base: Layout,
    readonly buf: Buffer,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly cstAt: Int32Array,
    readonly cstEnd: Int32Array,
    readonly cst: Float64Array,
    /** Records read again, by index. */
    readonly changed: ReadonlyMap<number, GatewayAgent>,
  ) {}
}

/** buf[at, at + (to - from)) equals old[from, to). */
function same(buf: Buffer, at: number, old: Buffer, from: number, to: number): boolean {
  const len = to - from;
  return at + len <= buf.length && buf.compare(old, from, to, at, at + len) === 0;
}

/** A record's reading: JSON.parse of its bytes, then the contract. */
export function readRecord(buf: Buffer, from: number, to: number): GatewayAgent | ZodError | null {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', from, to)) as unknown;
  } catch {
    return null;
  }
  return readAgentRecord(value);
}

export function diffAnswer(base: Layout, buf: Buffer): RawDiff | DiffMiss {
  const old = base.buf;
  const { n, quarantined, workno } = base.slots;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const cstAt = new Int32Array(n);
  const cstEnd = new Int32Array(n);
  const cst = new Float64Array(n);
  const changed = new Map<number, GatewayAgent>();
  const diff = new RawDiff(base, buf, start, end, cstAt, cstEnd, cst, changed);
  if (n === 0) return buf.equals(old) ? diff : 'structure';
  const head = base.start[0] as number;
  if (!same(buf, 0, old, 0, head)) return 'structure';
  const span = newSpan();
  let pos = head;
  // Record i's bytes before its digits are known equal: compared with the previous record's rest
  // in one call (one memcmp per unchanged record instead of two).
  let prefixSame = false;
  for (let i = 0; i < n; i++) {
    const s = base.start[i] as number;
    const e = base.end[i] as number;
    const a = base.cstAt[i] as number;
    const b = base.cstEnd[i] as number;
    // The skeleton after record i runs to the next record, or to the end of the answer.
    const next = i + 1 < n ? (base.start[i + 1] as number) : old.length;
    const sameBefore: boolean = prefixSame;
    prefixSame = false;
    if (a >= 0) {
      const at = pos + (a - s);
      const digits: number =
        sameBefore || same(buf, pos, old, s, a) ? digitsEnd(buf, at, buf.length) : -1;
      // The old digits ended where the bytes compared next begin, so a run that matches up to
      // them is one whole JSON integer.
      if (digits >= 0) {
        const nextAt = i + 1 < n ? (base.cstAt[i + 1] as number) : -1;
        prefixSame = nextAt >= 0 && same(buf, digits, old, b, nextAt);
        if (prefixSame || same(buf, digits, old, b, next)) {
          start[i] = pos;
          cstAt[i] = at;
          cstEnd[i] = digits;
          end[i] = digits + (e - b);
          cst[i] = digitsValue(buf, at, digits);
          pos = digits + (next - b);
          continue;
        }
      }
    } else if (same(buf, pos, old, s, next)) {
      start[i] = pos;
      end[i] = pos + (e - s);
      cstAt[i] = -1;
      cstEnd[i] = -1;
      cst[i] = base.cst[i] as number;
      pos += next - s;
      continue;
    }
    // Changed: find its end, check the skeleton after it, read it.
    if (!scanRecord(buf, pos, buf.length, span)) return 'structure';
    if (!same(buf, span.end, old, e, next)) return 'structure';
    const read = readRecord(buf, pos, span.end);
    if (read === null) return 'record';
    if (quarantined[i] === 1) return 'quarantine';
    if (read instanceof ZodError || read.workno !== workno[i]) return 'membership';
    changed.set(i, read);
    start[i] = pos;
    end[i] = span.end;
    cstAt[i] = span.cstAt;
    cstEnd[i] = span.cstEnd;
    cst[i] = read.currentstatetime;
    pos = span.end + (next - e);
  }
  return pos === buf.length ? diff : 'structure';
}

/** The floor a diff makes, as normalise() would make it from the whole answer: the agents whose
 *  objects changed (by owner record), the rest being the base layout's, and the queue cores. */
export interface DiffFloor {
  /** Owner record index and the new Agent there; agent lists are the same, so never an addition
   *  or a removal. */
  updates: ReadonlyArray<readonly [number, Agent]>;
  queues: ReadonlyMap<number, QueueCore>;
}

/** Null only if a record that passed before does not now (it cannot: only its digits moved).
 *  Copies nothing of the 10,000-agent floor: a poll changes about 1% of it, and a copy of the
 *  agent map per poll cost more than the diff itself. */
export function applyDiff(diff: RawDiff, fetchedAt: number): DiffFloor | null {
  const base = diff.base;
  const owners = base.slots.owners;
  const updates: Array<readonly [number, Agent]> = [];
  let queues: Map<number, QueueCore> | null = null;
  let copied: Set<number> | null = null;
  for (let o = 0; o < owners.length; o++) {
    const i = owners[o] as number;
    const prev = base.agentAt[i] as Agent;
    let raw = diff.changed.get(i);
    if (raw === undefined) {
      // Same fields as the reading `prev` came from, but for currentstatetime.
      if (sameStateStart(stateStart(diff.cst[i] as number, fetchedAt), prev.stateSince)) continue;
      const read = readRecord(diff.buf, diff.start[i] as number, diff.end[i] as number);
      if (read === null || read instanceof ZodError) return null;
      raw = read;
    }
    // The agent lists are the same, so its skills are (normalise keeps the array then too).
    const agent = toAgent(raw, prev.skills, fetchedAt, prev);
    if (agent === prev) continue;
    updates.push([i, agent]);
    if (agent.state === prev.state) continue;
    queues ??= new Map(base.queues);
    copied ??= new Set();
    for (const skillId of agent.skills) {
      let core = queues.get(skillId) as QueueCore;
      if (!copied.has(skillId)) {
        core = { ...core, counts: { ...core.counts } };
        queues.set(skillId, core);
        copied.add(skillId);
      }
      core.counts[prev.state] -= 1;
      core.counts[agent.state] += 1;
    }
  }
  return { updates, queues: queues ?? base.queues };
}
