// One queue's figures as every screen shows them (overview tile, queue page, wall tile, wall
// queue view): calls waiting, longest wait and service level against the KPI limits, how full the
// queue is, and which states to list. Null figures are the gateway's "none" sentinels and stay
// words, never numbers (docs/gateway.md §Queue statistics).
import type { Queue } from '@floorwatch/contracts/api';
import { useMemo } from 'react';
import { formatCount, formatSeconds } from '@/lib/format';
import { judgeKpis, type LimitsPolicy } from '@/lib/limits';
import { STATE_ORDER, type AgentState } from '@/lib/states';
import type { ThresholdLevel } from '@/lib/thresholds';
import { useFloor } from './use-floor';

/** What a figure the gateway does not give reads as. */
export const NONE = 'none';

export type KpiId = 'waiting' | 'longestWait' | 'serviceLevel';

export interface KpiFigure {
  id: KpiId;
  label: string;
  value: string;
  level: ThresholdLevel;
}

export interface QueueKpiView {
  figures: KpiFigure[];
  /** "queue 12 of 100"; "queue size limit none" when the gateway gives no limit. */
  occupancy: string;
  /** Calls waiting ÷ the queue's size limit (0…1), null without both. */
  occupancyShare: number | null;
  /** The states to list: every state someone is in, and always idle and talking. */
  states: AgentState[];
  /** The worst KPI level. */
  level: ThresholdLevel;
}

export const KPI_LABELS: Record<KpiId, string> = {
  waiting: 'Calls waiting',
  longestWait: 'Longest wait',
  serviceLevel: 'Service level',
};

export function formatServiceLevel(pct: number | null): string {
  return pct === null ? NONE : `${Math.round(pct)}%`;
}

export function queueKpiView(q: Queue, policy: LimitsPolicy): QueueKpiView {
  const j = judgeKpis(q, policy);
  const max = q.maxQueueSize;
  return {
    figures: [
      {
        id: 'waiting',
        label: KPI_LABELS.waiting,
        value: q.waiting === null ? NONE : formatCount(q.waiting),
        level: j.waiting,
      },
      {
        id: 'longestWait',
        label: KPI_LABELS.longestWait,
        value: q.longestWaitSec === null ? NONE : formatSeconds(q.longestWaitSec),
        level: j.longestWait,
      },
      {
        id: 'serviceLevel',
        label: KPI_LABELS.serviceLevel,
        value: formatServiceLevel(q.serviceLevel),
        level: j.serviceLevel,
      },
    ],
    occupancy:
      max === null
        ? `queue size limit ${NONE}`
        : `queue ${q.waiting === null ? NONE : formatCount(q.waiting)} of ${formatCount(max)}`,
    occupancyShare:
      max !== null && max > 0 && q.waiting !== null ? Math.min(1, q.waiting / max) : null,
    states: STATE_ORDER.filter((s) => (q.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking'),
    level: j.level,
  };
}

export function useQueueKpis(q: Queue): QueueKpiView {
  const { policy } = useFloor();
  return useMemo(() => queueKpiView(q, policy), [q, policy]);
}
