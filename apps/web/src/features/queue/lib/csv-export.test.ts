import { describe, expect, it } from 'vitest';
import { makeAgent, T0 } from '../../../../test/fixtures';
import { buildAgentsCsv, csvFileName } from './csv-export';

describe('CSV export', () => {
  it('writes exactly the visible rows and columns, as shown', () => {
    const rows = [
      makeAgent({
        workno: '1002',
        name: 'Bob, Jr.',
        state: 'talking',
        status: 7,
        stateSince: T0 - 3_725_000,
        skills: [1, 2, 3],
      }),
      makeAgent({
        workno: '1001',
        name: '',
        reason: 4,
        loginAt: null,
        media: { voice: false, chat: true, email: false },
      }),
    ];
    const csv = buildAgentsCsv(
      rows,
      ['name', 'workno', 'state', 'timeInState', 'signIn', 'media', 'reason', 'queues'],
      {
        skillId: 1,
        serverNow: T0,
        offset: 0,
      },
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Name,Work no.,State,Time in state,Signed in,Media,Reason,Other queues');
    expect(lines[1]).toMatch(
      /^"Bob, Jr\.",1002,Talking,1:02:05,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,Voice\/video \+ Email,—,also in 2 queues$/,
    );
    expect(lines[2]).toBe('1001,1001,Idle,1:05,—,Chat,Rest,—');
    expect(lines).toHaveLength(3);
  });

  it('names the file after the queue and the time', () => {
    expect(csvFileName(7, new Date(2026, 10, 25, 14, 2, 31).getTime())).toBe(
      'floorwatch-queue-7-20261125-140231.csv',
    );
  });
});
