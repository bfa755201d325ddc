// GET /api/v1/history: per-queue counts for the tiles' 60-minute trend lines. Each tile asks for
// its own queue, but the tiles that come into view together share one request: a batcher
// collects the ids asked for within a few milliseconds (500 tiles, a handful of requests).
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getHistory } from '@/api/get-history';

export const HISTORY_WINDOW_MS = 60 * 60_000;
const BATCH_WAIT_MS = 25;
const BATCH_MAX_IDS = 100;

interface Waiter {
  resolve: (points: HistoryPoint[]) => void;
  reject: (err: unknown) => void;
}

let batch: Map<number, Waiter[]> | null = null;

function flush(ids: Map<number, Waiter[]>): void {
  const to = Date.now();
  getHistory({ from: to - HISTORY_WINDOW_MS, to, skillIds: [...ids.keys()] }).then(
    (h) => {
      const bySkill = new Map(h.queues.map((q) => [q.skillId, q.points]));
      for (const [id, waiters] of ids) for (const w of waiters) w.resolve(bySkill.get(id) ?? []);
    },
    (err: unknown) => {
      for (const waiters of ids.values()) for (const w of waiters) w.reject(err);
    },
  );
}

/** The last hour of one queue, fetched together with the other queues asked for meanwhile. */
export function loadQueueHistory(skillId: number): Promise<HistoryPoint[]> {
  return new Promise((resolve, reject) => {
    if (batch === null || batch.size >= BATCH_MAX_IDS) {
      const mine = new Map<number, Waiter[]>();
      batch = mine;
      setTimeout(() => {
        if (batch === mine) batch = null;
        flush(mine);
      }, BATCH_WAIT_MS);
    }
    const waiters = batch.get(skillId) ?? [];
    waiters.push({ resolve, reject });
    batch.set(skillId, waiters);
  });
}

export function queueHistoryOptions(skillId: number, enabled = true) {
  return queryOptions({
    queryKey: ['history', skillId],
    queryFn: () => loadQueueHistory(skillId),
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** One queue's trend points; only fetched while `enabled` (the tile is near the viewport). */
export function useQueueHistory(skillId: number, enabled = true) {
  return useQuery(queueHistoryOptions(skillId, enabled));
}
