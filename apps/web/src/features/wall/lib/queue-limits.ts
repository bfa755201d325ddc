// How many of a queue's agents are past their time limits right now.
import type { Agent, Thresholds } from '@floorwatch/contracts/api';
import { evaluateThreshold } from '@/lib/thresholds';

export interface PastLimits {
  crit: number;
  warn: number;
}

export function pastLimits(
  worknos: readonly string[],
  agents: Readonly<Record<string, Agent | undefined>>,
  serverNow: number,
  thresholds: Thresholds,
): PastLimits {
  let crit = 0;
  let warn = 0;
  for (const w of worknos) {
    const a = agents[w];
    if (!a) continue;
    const level = evaluateThreshold(a.state, (serverNow - a.stateSince) / 1000, thresholds).level;
    if (level === 'crit') crit += 1;
    else if (level === 'warn') warn += 1;
  }
  return { crit, warn };
}
