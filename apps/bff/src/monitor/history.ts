// Per-queue history at fixed steps (last value seen in each step), kept for a retention window.
// 24 h at 10 s is 8,640 points per queue and a large centre has 500 queues, so points live in
// typed-array chunks (one hour each at the default step), allocated only when written and
// dropped as a whole when they age out. Each column starts as bytes and widens only when a
// value needs it: queue counts are almost always small numbers.
import { AGENT_STATES, type AgentState } from '@floorwatch/contracts/gateway';
import type { History, HistoryPoint, Queue } from '@floorwatch/contracts/api';

const COLUMNS = AGENT_STATES.length + 3; // the 8 state counts, waiting, longest wait, level
const WAITING = AGENT_STATES.length;
const LONGEST = AGENT_STATES.length + 1;
/** Service level in tenths of a percent: 0–1000 fits in 16 bits and keeps one decimal. */
const LEVEL = AGENT_STATES.length + 2;

type Column = Uint8Array | Uint16Array | Uint32Array;

interface Chunk {
  /** 1 where the step holds a point. */
  present: Uint8Array;
  columns: Column[];
}

/** The largest value of a column type is its "null" marker. */
function nullOf(col: Column): number {
  return col instanceof Uint8Array ? 0xff : col instanceof Uint16Array ? 0xffff : 0xffffffff;
}

function widen(col: Column, value: number): Column {
  const next =
    value < 0xffff && col instanceof Uint8Array
      ? new Uint16Array(col.length)
      : new Uint32Array(col.length);
  const oldNull = nullOf(col);
  const newNull = nullOf(next);
  for (let i = 0; i < col.length; i++) {
    const v = col[i] as number;
    next[i] = v === oldNull ? newNull : v;
  }
  return next;
}

export interface QueueHistory {
  /** Records the queues' current values into the step that holds `t`. */
  record(t: number, queues: Iterable<Queue>): void;
  /** Puts back a point read from the history store (at start-up). */
  restore(skillId: number, point: HistoryPoint): void;
  /** The oldest time whose points are certainly still held, given the time now. */
  heldFrom(now: number): number;
  query(q: { from: number; to: number; skillIds?: number[] }): History;
  /** Bytes held by typed arrays; for tests and diagnostics. */
  bytes(): number;
}

export function createHistory(opts: {
  stepSec: number;
  retentionMs: number;
  /** Steps per chunk; default one hour's worth. */
  chunkSteps?: number;
}): QueueHistory {
  const stepMs = Math.max(1, Math.round(opts.stepSec)) * 1000;
  const stepSec = stepMs / 1000;
  const chunkSteps = opts.chunkSteps ?? Math.max(1, Math.round(3_600_000 / stepMs));
  const retentionSteps = Math.max(1, Math.ceil(opts.retentionMs / stepMs));
  const bySkill = new Map<number, Map<number, Chunk>>();

  function newChunk(): Chunk {
    const columns: Column[] = [];
    for (let c = 0; c < COLUMNS; c++) columns.push(new Uint8Array(chunkSteps));
    return { present: new Uint8Array(chunkSteps), columns };
  }

  function write(chunk: Chunk, c: number, slot: number, value: number | null): void {
    let col = chunk.columns[c] as Column;
    if (value === null) {
      col[slot] = nullOf(col);
      return;
    }
    const v = Math.max(0, Math.min(0xfffffffe, Math.round(value)));
    if (v >= nullOf(col)) {
      col = widen(col, v);
      chunk.columns[c] = col;
    }
    col[slot] = v;
  }

  function read(chunk: Chunk, c: number, slot: number): number | null {
    const col = chunk.columns[c] as Column;
    const v = col[slot] as number;
    return v === nullOf(col) ? null : v;
  }

  function prune(currentStep: number): void {
    const oldestStep = currentStep - retentionSteps + 1;
    const oldestChunk = Math.floor(oldestStep / chunkSteps);
    for (const [skillId, chunks] of bySkill) {
      for (const idx of chunks.keys()) if (idx < oldestChunk) chunks.delete(idx);
      if (chunks.size === 0) bySkill.delete(skillId);
    }
  }

  let lastPrunedChunk = -Infinity;
  /** The step each Queue object was last written to. Queue objects are never changed (a change
   *  makes a new one), so the same object in the same step would write the same values: two
   *  polls a second write every queue five times a step otherwise. */
  const writtenIn = new WeakMap<Queue, number>();

  function writePoint(skillId: number, t: number, p: Omit<HistoryPoint, 't'>): void {
    const step = Math.floor(t / stepMs);
    const chunkIdx = Math.floor(step / chunkSteps);
    const slot = step - chunkIdx * chunkSteps;
    let chunks = bySkill.get(skillId);
    if (!chunks) {
      chunks = new Map();
      bySkill.set(skillId, chunks);
    }
    let chunk = chunks.get(chunkIdx);
    if (!chunk) {
      chunk = newChunk();
      chunks.set(chunkIdx, chunk);
    }
    chunk.present[slot] = 1;
    for (let c = 0; c < AGENT_STATES.length; c++) {
      write(chunk, c, slot, p.counts[AGENT_STATES[c] as AgentState] ?? 0);
    }
    write(chunk, WAITING, slot, p.waiting);
    write(chunk, LONGEST, slot, p.longestWaitSec);
    write(chunk, LEVEL, slot, p.serviceLevel === null ? null : p.serviceLevel * 10);
  }

  /** Whole chunks age out, so pruning once per chunk boundary is enough. */
  function afterWrite(t: number): void {
    const step = Math.floor(t / stepMs);
    const chunkIdx = Math.floor(step / chunkSteps);
    if (chunkIdx > lastPrunedChunk) {
      lastPrunedChunk = chunkIdx;
      prune(step);
    }
  }

  return {
    record(t, queues) {
      const step = Math.floor(t / stepMs);
      for (const q of queues) {
        if (writtenIn.get(q) === step) continue;
        writtenIn.set(q, step);
        writePoint(q.skillId, t, {
          counts: q.counts,
          waiting: q.waiting,
          longestWaitSec: q.longestWaitSec,
          serviceLevel: q.serviceLevel,
        });
      }
      afterWrite(t);
    },
    restore(skillId, point) {
      writePoint(skillId, point.t, point);
      afterWrite(point.t);
    },
    heldFrom(now) {
      return (Math.floor(now / stepMs) - retentionSteps + 1) * stepMs;
    },
    query({ from, to, skillIds }) {
      const fromStep = Math.ceil(from / stepMs);
      const toStep = Math.floor(to / stepMs);
      const wanted = skillIds ? [...new Set(skillIds)] : [...bySkill.keys()];
      wanted.sort((a, b) => a - b);
      const queues: History['queues'] = [];
      for (const skillId of wanted) {
        const chunks = bySkill.get(skillId);
        const points: HistoryPoint[] = [];
        if (chunks && toStep >= fromStep) {
          const indices = [...chunks.keys()]
            .filter(
              (i) => i >= Math.floor(fromStep / chunkSteps) && i <= Math.floor(toStep / chunkSteps),
            )
            .sort((a, b) => a - b);
          for (const idx of indices) {
            const chunk = chunks.get(idx) as Chunk;
            const base = idx * chunkSteps;
            const lo = Math.max(0, fromStep - base);
            const hi = Math.min(chunkSteps - 1, toStep - base);
            for (let slot = lo; slot <= hi; slot++) {
              if (chunk.present[slot] !== 1) continue;
              const counts = {} as Record<AgentState, number>;
              for (let c = 0; c < AGENT_STATES.length; c++) {
                counts[AGENT_STATES[c] as AgentState] = read(chunk, c, slot) ?? 0;
              }
              const level = read(chunk, LEVEL, slot);
              points.push({
                t: (base + slot) * stepMs,
                counts: counts,
                waiting: read(chunk, WAITING, slot),
                longestWaitSec: read(chunk, LONGEST, slot),
                serviceLevel: level === null ? null : level / 10,
              });
            }
          }
        }
        queues.push({ skillId, points });
      }
      return { stepSec, from, to, queues };
    },
    bytes() {
      let total = 0;
      for (const chunks of bySkill.values()) {
        for (const chunk of chunks.values()) {
          total += chunk.present.byteLength;
          for (const col of chunk.columns) total += col.byteLength;
        }
      }
      return total;
    },
  };
}
