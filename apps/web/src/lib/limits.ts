// The shared limits (GET /api/v1/settings) as one policy every screen judges with: which time
// limit applies to an agent — its reason's, its queue's, or the site's — and where a queue's
// KPIs stand against the KPI limits. Pure: screens pass the server clock in.
import type {
  Agent,
  FloorSettings,
  KpiLimits,
  Limit,
  Queue,
  QueueLimits,
  Reason,
  StateLimits,
} from '@floorwatch/contracts/api';
import type { AgentState } from '@floorwatch/contracts/gateway';
import {
  evaluateLimit,
  levelRank,
  worseLevel,
  type ThresholdLevel,
  type ThresholdResult,
} from './thresholds';

export interface LimitsPolicy {
  states: StateLimits;
  kpi: KpiLimits;
  queues: ReadonlyMap<number, QueueLimits>;
  reasons: ReadonlyMap<number, Reason>;
}

export const NO_KPI_LIMITS: KpiLimits = {
  waiting: null,
  longestWaitSec: null,
  serviceLevelPct: null,
};

export const EMPTY_POLICY: LimitsPolicy = {
  states: {},
  kpi: NO_KPI_LIMITS,
  queues: new Map(),
  reasons: new Map(),
};

export function limitsPolicy(
  s: Pick<FloorSettings, 'limits' | 'queueLimits' | 'reasons'>,
): LimitsPolicy {
  return {
    states: s.limits.states,
    kpi: s.limits.kpi,
    queues: new Map(s.queueLimits.map((q) => [q.skillId, q])),
    reasons: new Map(s.reasons.map((r) => [r.code, r])),
  };
}

/**
 * States whose reason code says why the agent is away (a rest cause, a said-busy reason):
 * docs/gateway.md §Media and reason codes. Elsewhere a leftover code must not change the limit.
 */
const REASON_STATES: ReadonlySet<AgentState> = new Set(['rest', 'busy', 'prerest']);

export type LimitSource =
  | { kind: 'reason'; code: number; name: string }
  | { kind: 'queue'; skillId: number }
  | { kind: 'site' };

export interface AppliedLimit {
  limit: Limit;
  source: LimitSource;
}

/**
 * The limit for an agent in its state: a named reason's own limit (lunch is not a short break)
 * wins, then the queue's override for the state (`skillId`; null = no queue in view), then the
 * site's limit for the state. Null: no limit.
 */
export function limitFor(
  agent: Pick<Agent, 'state' | 'reason'>,
  skillId: number | null,
  p: LimitsPolicy,
): AppliedLimit | null {
  if (agent.reason !== 0 && REASON_STATES.has(agent.state)) {
    const r = p.reasons.get(agent.reason);
    if (r?.limit) return { limit: r.limit, source: { kind: 'reason', code: r.code, name: r.name } };
  }
  if (skillId !== null) {
    const q = p.queues.get(skillId)?.states[agent.state];
    if (q) return { limit: q, source: { kind: 'queue', skillId } };
  }
  const s = p.states[agent.state];
  return s ? { limit: s, source: { kind: 'site' } } : null;
}

export interface AgentJudgement extends ThresholdResult {
  applied: AppliedLimit | null;
  /** Seconds in the current state. */
  seconds: number;
}

/** An agent against its limit in one queue (`skillId`), or site-wide (null). */
export function judgeAgent(
  agent: Pick<Agent, 'state' | 'reason' | 'stateSince'>,
  skillId: number | null,
  serverNow: number,
  p: LimitsPolicy,
): AgentJudgement {
  const applied = limitFor(agent, skillId, p);
  const seconds = Math.max(0, (serverNow - agent.stateSince) / 1000);
  return { ...evaluateLimit(seconds, applied?.limit), applied, seconds };
}

function judgementRank(j: AgentJudgement): number {
  return levelRank(j.level) * 1e9 + j.share;
}

/**
 * An agent against the strictest of its queues' limits (queues may override the site's): what
 * the exceptions list and the alerts judge by, where no one queue is in view.
 */
export function judgeAgentAnywhere(
  agent: Pick<Agent, 'state' | 'reason' | 'stateSince' | 'skills'>,
  serverNow: number,
  p: LimitsPolicy,
): AgentJudgement {
  let worst = judgeAgent(agent, null, serverNow, p);
  if (p.queues.size === 0) return worst;
  for (const s of agent.skills) {
    if (!p.queues.has(s)) continue;
    const j = judgeAgent(agent, s, serverNow, p);
    if (judgementRank(j) > judgementRank(worst)) worst = j;
  }
  return worst;
}

/** How many agents are past each limit. */
export interface PastLimits {
  crit: number;
  warn: number;
}

/** How many of these agents (in queue `skillId`, or site-wide: null) are past each limit now. */
export function pastLimitsOf(
  agents: Iterable<Agent>,
  serverNow: number,
  p: LimitsPolicy,
  skillId: number | null,
): PastLimits {
  let warn = 0;
  let crit = 0;
  for (const a of agents) {
    const level = judgeAgent(a, skillId, serverNow, p).level;
    if (level === 'crit') crit += 1;
    else if (level === 'warn') warn += 1;
  }
  return { warn, crit };
}

/** The KPI limits of one queue: its overrides over the site's (an override of null = none). */
export function kpiLimitsFor(skillId: number, p: LimitsPolicy): KpiLimits {
  const o = p.queues.get(skillId)?.kpi;
  if (!o) return p.kpi;
  return {
    waiting: o.waiting !== undefined ? o.waiting : p.kpi.waiting,
    longestWaitSec: o.longestWaitSec !== undefined ? o.longestWaitSec : p.kpi.longestWaitSec,
    serviceLevelPct: o.serviceLevelPct !== undefined ? o.serviceLevelPct : p.kpi.serviceLevelPct,
  };
}

export interface KpiJudgement {
  waiting: ThresholdLevel;
  longestWait: ThresholdLevel;
  serviceLevel: ThresholdLevel;
  /** The worst of the three. */
  level: ThresholdLevel;
}

function atLeast(v: number | null, l: { warn: number; crit: number } | null): ThresholdLevel {
  if (v === null || !l) return 'ok';
  return v >= l.crit ? 'crit' : v >= l.warn ? 'warn' : 'ok';
}

/** A queue's calls waiting, longest wait and service level against its KPI limits. A figure
 *  the gateway does not give (null) breaks no limit. */
export function judgeKpis(
  q: Pick<Queue, 'skillId' | 'waiting' | 'longestWaitSec' | 'serviceLevel'>,
  p: LimitsPolicy,
): KpiJudgement {
  const l = kpiLimitsFor(q.skillId, p);
  const waiting = atLeast(q.waiting, l.waiting);
  const longestWait = atLeast(q.longestWaitSec, l.longestWaitSec);
  const sl = l.serviceLevelPct;
  const serviceLevel: ThresholdLevel =
    q.serviceLevel === null || !sl
      ? 'ok'
      : q.serviceLevel < sl.critBelow
        ? 'crit'
        : q.serviceLevel < sl.warnBelow
          ? 'warn'
          : 'ok';
  return {
    waiting,
    longestWait,
    serviceLevel,
    level: worseLevel(worseLevel(waiting, longestWait), serviceLevel),
  };
}
