import { describe, expect, it } from 'vitest';
import { makeAgent, makeQueue, makeSettings, T0 } from '../../test/fixtures';
import { judgeAgent, judgeAgentAnywhere, judgeKpis, limitsPolicy } from './limits';

const policy = limitsPolicy(
  makeSettings({
    states: { rest: { warnSec: 600, critSec: 1200 }, wrapup: { warnSec: 120, critSec: 300 } },
    kpi: { serviceLevelPct: { warnBelow: 80, critBelow: 60 }, waiting: { warn: 5, crit: 10 } },
    reasons: [
      { version: 1, code: 12, name: 'Lunch', limit: { warnSec: 3600, critSec: 4500 } },
      { version: 1, code: 11, name: 'Short break', limit: null },
    ],
    queueLimits: [
      { version: 1, skillId: 2, states: { wrapup: { warnSec: 30, critSec: 60 } }, kpi: {} },
    ],
  }),
);

const min = (m: number) => T0 - m * 60_000;

describe('the limit an agent is judged by', () => {
  it("uses a named reason's own limit: 40 minutes of lunch is fine, 40 minutes of rest is not", () => {
    const lunch = makeAgent({ state: 'rest', reason: 12, stateSince: min(40) });
    expect(judgeAgent(lunch, 1, T0, policy)).toMatchObject({
      level: 'ok',
      applied: { source: { kind: 'reason', name: 'Lunch' } },
    });
    const rest = makeAgent({ state: 'rest', reason: 0, stateSince: min(40) });
    expect(judgeAgent(rest, 1, T0, policy)).toMatchObject({
      level: 'crit',
      applied: { source: { kind: 'site' } },
    });
  });
  it("falls back to the state's limit for a reason without its own", () => {
    const brk = makeAgent({ state: 'rest', reason: 11, stateSince: min(15) });
    expect(judgeAgent(brk, 1, T0, policy).level).toBe('warn');
  });
  it("uses a queue's override in that queue, and the strictest of the agent's queues elsewhere", () => {
    const a = makeAgent({ state: 'wrapup', stateSince: min(1.5), skills: [1, 2] });
    expect(judgeAgent(a, 1, T0, policy).level).toBe('ok');
    expect(judgeAgent(a, 2, T0, policy).level).toBe('crit');
    expect(judgeAgentAnywhere(a, T0, policy)).toMatchObject({
      level: 'crit',
      applied: { source: { kind: 'queue', skillId: 2 } },
    });
  });
});

describe('queue KPIs against their limits', () => {
  it('breaks the service level limit by falling below it; a missing figure breaks nothing', () => {
    expect(judgeKpis(makeQueue({ serviceLevel: 70, waiting: 0 }), policy).serviceLevel).toBe(
      'warn',
    );
    expect(judgeKpis(makeQueue({ serviceLevel: 50, waiting: 0 }), policy).level).toBe('crit');
    expect(judgeKpis(makeQueue({ serviceLevel: null, waiting: 11 }), policy)).toMatchObject({
      serviceLevel: 'ok',
      waiting: 'crit',
      level: 'crit',
    });
  });
});
