import { describe, expect, it } from 'vitest';
import { NO_NAMES } from '@/lib/floor-names';
import { makeAgent, T0 } from '../../../../test/fixtures';
import { buildAgentsCsv, csvFileName, type CsvContext } from './csv-export';

const ctx: CsvContext = {
  skillId: 1,
  queueName: '账单 Billing',
  mediaType: 5,
  serverNow: T0,
  offset: 0,
  queueNames: { 1: '账单 Billing', 2: 'Sales', 3: 'Web Chat' },
  names: NO_NAMES,
};

const rows = [
  makeAgent({
    workno: '1002',
    name: 'Bob, Jr.',
    state: 'talking',
    status: 7,
    stateSince: T0 - 3_725_000,
    loginAt: T0 - 2 * 3600_000,
    skills: [1, 2, 3],
  }),
  makeAgent({
    workno: '1001',
    name: '',
    reason: 4,
    phone: '',
    loginAt: null,
    media: { voice: false, chat: true, email: false },
  }),
];

/** The timezone offset of this machine at T0, as ISO writes it. */
function zone(epochMs: number): string {
  const off = -new Date(epochMs).getTimezoneOffset();
  const abs = Math.abs(off);
  return `${off >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

describe('CSV export', () => {
  it('starts with a BOM and a line naming the queue and the export time', () => {
    const csv = buildAgentsCsv(rows, ['name'], ctx);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const first = csv.slice(1).split('\r\n')[0];
    expect(first).toMatch(
      new RegExp(
        `^Queue,账单 Billing \\(skill 1\\),Exported,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d${zone(T0).replace('+', '\\+')}$`,
      ),
    );
  });

  it('writes the visible rows and columns, Excel-ready: seconds and h:mm:ss, ISO times, names, empty cells', () => {
    const csv = buildAgentsCsv(
      rows,
      ['name', 'workno', 'state', 'timeInState', 'signIn', 'media', 'phone', 'reason', 'queues'],
      ctx,
    );
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe(
      'Name,Work no.,State,Time in state (s),Time in state,Signed in,Media,Phone,Reason,Reason code,Other queues',
    );
    const signIn = new Date(T0 - 2 * 3600_000);
    expect(lines[2]).toBe(
      `"Bob, Jr.",1002,Talking,3725,1:02:05,${signIn.getFullYear()}-${String(signIn.getMonth() + 1).padStart(2, '0')}-${String(signIn.getDate()).padStart(2, '0')}T${String(signIn.getHours()).padStart(2, '0')}:00:00${zone(signIn.getTime())},Voice/video + Email,70001,,,Sales; Web Chat`,
    );
    // Under an hour is still h:mm:ss (Excel would read "1:05" as five past one); nothing is "—".
    expect(lines[3]).toBe('1001,1001,Idle,65,0:01:05,,Chat,,Rest,4,');
    expect(csv).not.toContain('—');
    expect(lines).toHaveLength(4);
  });

  it('labels busy agents in the words of the queue medium', () => {
    const csv = buildAgentsCsv(rows.slice(0, 1), ['state'], { ...ctx, mediaType: 1 });
    expect(csv.trimEnd().split('\r\n')[2]).toBe('Chatting');
  });

  it('names the file after the queue and the time', () => {
    expect(csvFileName(7, new Date(2026, 10, 25, 14, 2, 31).getTime())).toBe(
      'floorwatch-queue-7-20261125-140231.csv',
    );
  });
});
