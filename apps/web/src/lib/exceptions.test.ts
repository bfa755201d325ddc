import { describe, expect, it } from 'vitest';
import { makeAgent, makeSettings, T0 } from '../../test/fixtures';
import { findExceptions } from './exceptions';
import { limitsPolicy } from './limits';

const policy = limitsPolicy(
  makeSettings({
    states: { rest: { warnSec: 900, critSec: 1800 }, wrapup: { warnSec: 120, critSec: 300 } },
  }),
);
const min = (m: number) => T0 - m * 60_000;

describe('exceptions', () => {
  it('lists only agents past a limit, critical first, then by how far past the limit', () => {
    const rows = findExceptions(
      [
        makeAgent({ workno: '1', state: 'idle', stateSince: min(90) }),
        makeAgent({ workno: '2', state: 'rest', stateSince: min(32) }),
        makeAgent({ workno: '3', state: 'wrapup', stateSince: min(20) }),
        makeAgent({ workno: '4', state: 'rest', stateSince: min(16) }),
        makeAgent({ workno: '5', state: 'wrapup', stateSince: min(1) }),
      ],
      T0,
      policy,
    );
    // 20 minutes of a 5-minute wrap-up before 32 minutes of a 30-minute rest.
    expect(rows.map((r) => [r.agent.workno, r.level])).toEqual([
      ['3', 'crit'],
      ['2', 'crit'],
      ['4', 'warn'],
    ]);
    expect(rows[0]).toMatchObject({ limitSec: 300, seconds: 1200 });
  });
});
