// One queue's figures as every screen shows them (overview tile, queue page, wall tile, wall
// queue view): calls waiting, longest wait and service level against the KPI limits, how full the
// queue is, and which states to list. Null figures are the gateway's "none" sentinels and stay
// words, never numbers (docs/gateway.md §Queue statistics).
import type { Queue } from '@floorwatch/contracts/api';
import { useMemo } from 'react';
import { defineMessages } from '@/i18n/messages';
import { formatCount, formatSeconds } from '@/lib/format';
import { judgeKpis, type LimitsPolicy } from '@/lib/limits';
import { STATE_ORDER, type AgentState } from '@/lib/states';
import type { ThresholdLevel } from '@/lib/thresholds';
import { activeIntl } from '@/stores/locale-store';
import { useFloor } from './use-floor';

const M = defineMessages({
  none: { id: 'kpi.none', defaultMessage: 'none' },
  waiting: { id: 'kpi.waiting', defaultMessage: 'Calls waiting' },
  longestWait: { id: 'kpi.longest-wait', defaultMessage: 'Longest wait' },
  serviceLevel: { id: 'kpi.service-level', defaultMessage: 'Service level' },
  percent: { id: 'kpi.percent', defaultMessage: '{pct}%' },
  noSizeLimit: { id: 'kpi.occupancy.no-limit', defaultMessage: 'queue size limit {none}' },
  occupancy: { id: 'kpi.occupancy', defaultMessage: 'queue {waiting} of {max}' },
});

/** What a figure the gateway does not give reads as ("none", 「无」). */
export function noneText(): string {
  return activeIntl().formatMessage(M.none);
}

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

/** A KPI's name: "Calls waiting", 「排队数」. */
export function kpiLabel(id: KpiId): string {
  return activeIntl().formatMessage(M[id]);
}

/** A percentage, whole ("87%"), or "none". */
export function formatPercent(pct: number | null): string {
  return pct === null
    ? noneText()
    : activeIntl().formatMessage(M.percent, { pct: Math.round(pct) });
}

export function queueKpiView(q: Queue, policy: LimitsPolicy): QueueKpiView {
  const j = judgeKpis(q, policy);
  const max = q.maxQueueSize;
  return {
    figures: [
      {
        id: 'waiting',
        label: kpiLabel('waiting'),
        value: q.waiting === null ? noneText() : formatCount(q.waiting),
        level: j.waiting,
      },
      {
        id: 'longestWait',
        label: kpiLabel('longestWait'),
        value: q.longestWaitSec === null ? noneText() : formatSeconds(q.longestWaitSec),
        level: j.longestWait,
      },
      {
        id: 'serviceLevel',
        label: kpiLabel('serviceLevel'),
        value: formatPercent(q.serviceLevel),
        level: j.serviceLevel,
      },
    ],
    occupancy:
      max === null
        ? activeIntl().formatMessage(M.noSizeLimit, { none: noneText() })
        : activeIntl().formatMessage(M.occupancy, {
            waiting: q.waiting === null ? noneText() : formatCount(q.waiting),
            max: formatCount(max),
          }),
    occupancyShare:
      max !== null && max > 0 && q.waiting !== null ? Math.min(1, q.waiting / max) : null,
    states: STATE_ORDER.filter((s) => (q.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking'),
    level: j.level,
  };
}

/**
 * The states a list with room for `max` shows: idle and talking always, then the others with
 * the most agents, in reading order. All of them without a `max`.
 */
export function statesToList(
  states: readonly AgentState[],
  counts: Partial<Record<AgentState, number>>,
  max?: number,
): AgentState[] {
  if (max === undefined || states.length <= max) return [...states];
  const always: AgentState[] = states.filter((s) => s === 'idle' || s === 'talking');
  const largest = states
    .filter((s) => !always.includes(s))
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
    .slice(0, Math.max(0, max - always.length));
  return states.filter((s) => always.includes(s) || largest.includes(s));
}

export function useQueueKpis(q: Queue): QueueKpiView {
  const { policy } = useFloor();
  return useMemo(() => queueKpiView(q, policy), [q, policy]);
}
