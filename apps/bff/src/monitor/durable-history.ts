// The per-queue history that survives a restart: the in-memory steps (history.ts) stay the hot
// path for recording and for recent queries, and the HistoryStore keeps today and yesterday.
// Recorded steps are written in one batch every flush interval (not one write per queue per
// step); at start the last hours are read back, and older ranges are read from the store.
// Replicas sharing one store each record the same commits, but only the writer (the leader)
// writes; the others keep their last unwritten steps, so a new leader writes what the old one
// recorded after its last flush.
import type { History, Queue } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { HistoryRow, HistoryStore } from '../store/types';
import { createHistory } from './history';

export interface RecordingHistory {
  record(t: number, queues: Iterable<Queue>): void;
  query(q: { from: number; to: number; skillIds?: number[] }): History | Promise<History>;
}

export interface DurableHistory extends RecordingHistory {
  /** Reads the last `warmMs` from the store into memory; answers the points read. */
  load(): Promise<number>;
  /** Writes what was recorded since the last flush. */
  flush(): Promise<void>;
  /** Starts the flush timer. */
  start(): void;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

export interface DurableHistoryOptions {
  store: HistoryStore;
  stepSec: number;
  /** What memory holds (the hot path); 24 h by default. */
  memoryMs?: number;
  /** What the store keeps: 48 h, so all of yesterday and today at any time of day. */
  keepMs?: number;
  /** How much is read back into memory at start (the tiles' trend window); older ranges are
   *  read from the store when asked for. */
  warmMs?: number;
  flushEveryMs?: number;
  /** Whether this process writes to the store now; always when not given. */
  isWriter?: () => boolean;
  logger: Logger;
  now?: () => number;
}

const HOUR = 3_600_000;

export function createDurableHistory(opts: DurableHistoryOptions): DurableHistory {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'history' });
  const stepMs = Math.max(1, Math.round(opts.stepSec)) * 1000;
  const keepMs = opts.keepMs ?? 48 * HOUR;
  const warmMs = Math.min(opts.warmMs ?? HOUR, opts.memoryMs ?? 24 * HOUR);
  const pruneEveryMs = 10 * 60_000;
  const memory = createHistory({ stepSec: opts.stepSec, retentionMs: opts.memoryMs ?? 24 * HOUR });
  /** Memory holds every point from here on (from start-up, or from what load() read back). */
  let loadedFrom = now();
  let dirty = new Set<number>();
  let lastPruneAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;

  const flushEveryMs = opts.flushEveryMs ?? 30_000;

  async function writeDirty(): Promise<void> {
    if (dirty.size === 0) return;
    if (opts.isWriter && !opts.isWriter()) {
      // Not the writer: keep two flushes' worth, what a leader that died just now had not written.
      const oldest = Math.floor((now() - 2 * flushEveryMs) / stepMs);
      for (const s of dirty) if (s < oldest) dirty.delete(s);
      return;
    }
    const steps = dirty;
    dirty = new Set();
    const from = Math.min(...steps) * stepMs;
    const to = Math.max(...steps) * stepMs;
    const rows: HistoryRow[] = [];
    for (const q of memory.query({ from, to }).queues)
      for (const point of q.points)
        if (steps.has(point.t / stepMs)) rows.push({ skillId: q.skillId, point });
    try {
      await opts.store.write(rows);
    } catch (err) {
      // Kept for the next flush: a full disk must not lose the trend that is still in memory.
      for (const s of steps) dirty.add(s);
      log.error({ err, points: rows.length }, 'history: writing to the store failed; will retry');
      return;
    }
    if (now() - lastPruneAt >= pruneEveryMs) {
      lastPruneAt = now();
      try {
        const dropped = await opts.store.prune(now() - keepMs);
        if (dropped > 0) log.debug({ dropped }, 'history: pruned old points');
      } catch (err) {
        log.error({ err }, 'history: pruning the store failed');
      }
    }
  }

  function flush(): Promise<void> {
    // One flush at a time; a call during a flush waits for it and then writes what is new.
    flushing = (flushing ?? Promise.resolve()).then(writeDirty).finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    record(t, queues) {
      memory.record(t, queues);
      dirty.add(Math.floor(t / stepMs));
    },
    query(q) {
      const heldFrom = Math.max(loadedFrom, memory.heldFrom(now()));
      if (q.from >= heldFrom) return memory.query(q);
      return (async () => {
        const older = await opts.store.read({
          from: q.from,
          to: Math.min(q.to, heldFrom - 1),
          ...(q.skillIds ? { skillIds: q.skillIds } : {}),
        });
        const recent = q.to >= heldFrom ? memory.query({ ...q, from: heldFrom }).queues : [];
        const merged = new Map<number, History['queues'][number]['points']>();
        for (const id of q.skillIds ?? []) merged.set(id, []);
        for (const part of [older, recent])
          for (const x of part)
            merged.set(x.skillId, [...(merged.get(x.skillId) ?? []), ...x.points]);
        const queues = [...merged]
          .sort(([a], [b]) => a - b)
          .map(([skillId, points]) => ({ skillId, points }));
        return { stepSec: stepMs / 1000, from: q.from, to: q.to, queues };
      })();
    },
    async load() {
      const to = now();
      const from = to - warmMs;
      const stored = await opts.store.read({ from, to });
      let n = 0;
      for (const q of stored)
        for (const p of q.points) {
          memory.restore(q.skillId, p);
          n++;
        }
      loadedFrom = Math.min(loadedFrom, from);
      return n;
    },
    flush,
    start() {
      if (timer) return;
      timer = setInterval(() => void flush(), flushEveryMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
