// How the monitor reads allonlineagents: the raw diff against the last answer when it can
// (raw-diff.ts), the full pipeline otherwise (fast-parse.ts + normalise.ts), which stays the
// authority. The first answer, any answer the diff cannot carry and one answer every
// `fullEveryMs` (the safety net) are read in full; the full reads are counted by reason
// (`agentsFullReads{reason}`). See docs/decisions/0010-raw-diff-ingest.md.
import type { ZodError } from 'zod';
import type { Agent } from '@floorwatch/contracts/api';
import { acceptedRecords, type QuarantinedRecord } from '@floorwatch/contracts/gateway';
import { readJsonBody } from '../gateway/gateway-client';
import type { BodyReader } from '../gateway/types';
import type { Metrics } from '../metrics';
import { parseAllOnlineAgents } from './fast-parse';
import { normalise, type QueueCore } from './normalise';
import { applyDiff, diffAnswer, RawDiff, type DiffMiss } from './raw-diff';
import { learnLayout, type Layout } from './raw-layout';

/** `raw-diff` (the default) or `full`: every answer read in full, as before the raw diff (the
 *  benchmark's baseline). */
export type IngestMode = 'raw-diff' | 'full';

/** Why an answer was read in full. */
export type FullReadReason =
  | DiffMiss
  /** No answer read yet, or the last one held no agents. */
  | 'first'
  /** The last full read left no layout to compare with (records not found as expected). */
  | 'unlearnt'
  | 'periodic'
  /** The diff was made against a layout that is no longer the current one. */
  | 'stale'
  | 'error'
  | 'mode-full'
  /** The answer came without its bytes (a test double of the session). */
  | 'no-bytes';

export interface AgentsIngestOptions {
  mode: IngestMode;
  fullEveryMs: number;
  metrics: Metrics;
  /** Told the first time the diff itself fails (a bug: the answer is then read in full). */
  onDiffError: (err: unknown) => void;
  now: () => number;
}

/** One answer's floor, with what the contract left out. */
export interface AgentsRead {
  /** The whole agent set. For a diffed answer it is made on first use from the floor the answer
   *  was read against and `updates` (read it before the next commit); the monitor commits
   *  `updates` instead. */
  readonly agents: ReadonlyMap<string, Agent>;
  /** A diffed answer: the agents whose objects changed, every other agent being the previous
   *  floor's (the agent lists are the same). Null for an answer read in full. */
  updates: readonly Agent[] | null;
  queues: ReadonlyMap<number, QueueCore>;
  quarantined: readonly QuarantinedRecord[];
  /** Records the contract accepted (an agent under two skills counts twice). */
  accepted: number;
}

type Parse<T> = { success: true; data: T } | { success: false; error: ZodError };

export interface AgentsIngest {
  /** For the agents request: the reader that diffs the bytes as they arrive. */
  readonly request: { readBody?: BodyReader };
  /** Reads an answer's body (a RawDiff or parsed JSON) into the floor. */
  read(
    body: unknown,
    bytes: Buffer | undefined,
    fetchedAt: number,
    prevAgents: ReadonlyMap<string, Agent>,
  ): Parse<AgentsRead>;
  /** The floor now published came from `read` (null: an answer without agents); the next
   *  answer is diffed against it. */
  committed(read: AgentsRead | null): void;
}

export function createAgentsIngest(opts: AgentsIngestOptions): AgentsIngest {
  const { metrics, now } = opts;
  let layout: Layout | null = null;
  let noLayout: 'first' | 'unlearnt' = 'first';
  /** Why the reader left the last body it saw to the full read. */
  let declined: { bytes: Buffer; reason: FullReadReason } | null = null;
  /** The layout each read leads to, adopted when its floor is committed. */
  const next = new WeakMap<AgentsRead, () => Layout | null>();
  let errorLogged = false;

  function diffOrDecline(bytes: Buffer): RawDiff | FullReadReason {
    if (!layout) return noLayout;
    if (now() - layout.fullAt >= opts.fullEveryMs) return 'periodic';
    try {
      return diffAnswer(layout, bytes);
    } catch (err) {
      if (!errorLogged) opts.onDiffError(err);
      errorLogged = true;
      return 'error';
    }
  }

  // Two receive buffers, used in turn: an answer is gathered into the one the layout does not
  // read, and that one is the layout's once the answer is committed.
  const buffers: Buffer[] = [];
  const readBody: BodyReader = {
    buffer(size) {
      const inUse = layout?.buf.buffer;
      let k = buffers.findIndex((b) => b.buffer !== inUse);
      if (k < 0) k = buffers.push(Buffer.alloc(0)) - 1;
      if (buffers[k]!.length < size) buffers[k] = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
      return buffers[k]!.subarray(0, size);
    },
    read(bytes) {
      const d = diffOrDecline(bytes);
      if (d instanceof RawDiff) {
        declined = null;
        return { envelope: d.base.slots.envelope, body: d };
      }
      declined = { bytes, reason: d };
      return null;
    },
  };

  function fromDiff(
    d: RawDiff,
    fetchedAt: number,
    prevAgents: ReadonlyMap<string, Agent>,
  ): AgentsRead | null {
    const floor = applyDiff(d, fetchedAt);
    if (!floor) return null;
    const base = d.base;
    const updates = floor.updates.map(([, agent]) => agent);
    let whole: Map<string, Agent> | null = null;
    const read: AgentsRead = {
      get agents() {
        if (!whole) {
          whole = new Map(prevAgents);
          for (const a of updates) whole.set(a.workno, a);
        }
        return whole;
      },
      updates,
      queues: floor.queues,
      quarantined: base.slots.quarantine,
      accepted: base.slots.accepted,
    };
    next.set(read, () => {
      // The base layout is superseded by this one: its array is taken over, not copied.
      const agentAt = base.agentAt;
      for (const [i, agent] of floor.updates) agentAt[i] = agent;
      return {
        ...base,
        buf: d.buf,
        start: d.start,
        end: d.end,
        cstAt: d.cstAt,
        cstEnd: d.cstEnd,
        cst: d.cst,
        agentAt,
        queues: floor.queues,
      };
    });
    return read;
  }

  function full(
    body: unknown,
    bytes: Buffer | undefined,
    fetchedAt: number,
    prevAgents: ReadonlyMap<string, Agent>,
    reason: FullReadReason,
  ): Parse<AgentsRead> {
    metrics.agentsFullReads.inc({ reason });
    const parsed = parseAllOnlineAgents(body);
    if (!parsed.success) return parsed;
    const result = normalise(parsed.data.result ?? [], fetchedAt, prevAgents);
    const read: AgentsRead = {
      agents: result.agents,
      updates: null,
      queues: result.queues,
      quarantined: parsed.quarantined,
      accepted: acceptedRecords(parsed.data),
    };
    // Learnt once the floor is out: the screens need not wait for it.
    next.set(read, () =>
      bytes && opts.mode === 'raw-diff'
        ? learnLayout(bytes, { ...read, data: parsed.data }, fetchedAt)
        : null,
    );
    return { success: true, data: read };
  }

  return {
    request: opts.mode === 'raw-diff' ? { readBody } : {},
    read(body, bytes, fetchedAt, prevAgents) {
      if (body instanceof RawDiff) {
        const read = body.base === layout ? fromDiff(body, fetchedAt, prevAgents) : null;
        if (read) {
          metrics.agentsRawDiffs.inc();
          metrics.agentsRecordsReread.inc(body.changed.size);
          return { success: true, data: read };
        }
        // Proven JSON by the diff, so this reading cannot fail.
        const json = readJsonBody(body.buf);
        const reason = body.base === layout ? 'error' : 'stale';
        return full(json.isJson ? json.json : undefined, body.buf, fetchedAt, prevAgents, reason);
      }
      const reason: FullReadReason =
        opts.mode === 'full'
          ? 'mode-full'
          : !bytes
            ? 'no-bytes'
            : declined?.bytes === bytes
              ? declined.reason
              : 'error';
      declined = null;
      return full(body, bytes, fetchedAt, prevAgents, reason);
    },
    committed(read) {
      const adopt = read ? next.get(read) : undefined;
      layout = adopt ? adopt() : null;
      noLayout = read ? 'unlearnt' : 'first';
    },
  };
}
