// Who needs attention now: every agent past a warning or critical limit in any queue in view,
// worst first — critical before warning, then by how far past the broken limit (time in state
// ÷ that limit: 20 minutes of a 5-minute wrap-up comes before 32 minutes of a 30-minute rest).
// Pure; the caller derives it at most once a second.
import type { Agent } from '@floorwatch/contracts/api';
import { judgeAgentAnywhere, type AppliedLimit, type LimitsPolicy } from './limits';

export interface ExceptionRow {
  agent: Agent;
  level: 'warn' | 'crit';
  seconds: number;
  /** The limit in force, and where it comes from (a reason, a queue, the site). */
  applied: AppliedLimit;
  /** The broken limit in seconds (the critical one when critical). */
  limitSec: number;
  /** Time in state ÷ the broken limit (≥ 1). */
  over: number;
}

export function compareExceptions(a: ExceptionRow, b: ExceptionRow): number {
  if (a.level !== b.level) return a.level === 'crit' ? -1 : 1;
  return b.over - a.over || b.seconds - a.seconds || a.agent.workno.localeCompare(b.agent.workno);
}

export function findExceptions(
  agents: Iterable<Agent>,
  serverNow: number,
  policy: LimitsPolicy,
): ExceptionRow[] {
  const rows: ExceptionRow[] = [];
  for (const agent of agents) {
    const j = judgeAgentAnywhere(agent, serverNow, policy);
    if (j.level === 'ok' || !j.applied) continue;
    const limitSec = j.level === 'crit' ? j.applied.limit.critSec : j.applied.limit.warnSec;
    rows.push({
      agent,
      level: j.level,
      seconds: j.seconds,
      applied: j.applied,
      limitSec,
      over: limitSec > 0 ? j.seconds / limitSec : Number.POSITIVE_INFINITY,
    });
  }
  return rows.sort(compareExceptions);
}

export interface ExceptionGroup {
  groupId: number;
  rows: ExceptionRow[];
  crit: number;
}

/** Rows by agent group, the groups with the worst row first; rows keep their order. */
export function groupExceptions(rows: readonly ExceptionRow[]): ExceptionGroup[] {
  const by = new Map<number, ExceptionGroup>();
  for (const r of rows) {
    let g = by.get(r.agent.groupId);
    if (!g) {
      g = { groupId: r.agent.groupId, rows: [], crit: 0 };
      by.set(r.agent.groupId, g);
    }
    g.rows.push(r);
    if (r.level === 'crit') g.crit += 1;
  }
  // Map order is the order of each group's first (worst) row.
  return [...by.values()];
}
