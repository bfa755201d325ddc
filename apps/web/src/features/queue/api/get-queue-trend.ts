// GET /api/v1/history for one queue over the trend's range (the queue page's chart). The range
// is worked out when the request is made, so every refresh moves it along with the clock.
import type { HistoryPoint } from '@floorwatch/contracts/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getHistory } from '@/api/get-history';
import { readLive } from '@/hooks/use-live';
import { rangeBounds, type TrendRange } from '../lib/trend-data';

const REFRESH_MS = 30_000;

export interface QueueTrend {
  from: number;
  to: number;
  points: HistoryPoint[];
}

export function queueTrendOptions(skillId: number, range: TrendRange) {
  return queryOptions({
    queryKey: ['trend', skillId, range],
    queryFn: async ({ signal }): Promise<QueueTrend> => {
      const offset = readLive().clockOffsetMs;
      const { from, to } = rangeBounds(range, Date.now() + offset, offset);
      const h = await getHistory({ from, to, skillIds: [skillId] }, signal);
      return { from, to, points: h.queues.find((q) => q.skillId === skillId)?.points ?? [] };
    },
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useQueueTrend(skillId: number, range: TrendRange) {
  return useQuery(queueTrendOptions(skillId, range));
}
