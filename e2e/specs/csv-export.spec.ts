import { readFile } from 'node:fs/promises';
import { csvExport } from '../fixtures/csv';
import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

test.describe('CSV export', () => {
  test('downloads the rows and columns on screen in a shape Excel reads', async ({ app, page }) => {
    await app.stack.sim.setAgentState('2001', STATUS.rest);
    await app.stack.sim.setAgentState('2002', STATUS.talking);
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    // A filtered view: work numbers 2001–2009 only (no agent name contains "200").
    await app.queue.searchFor('200');
    await expect(app.queue.row('2001')).toBeVisible();
    await expect(app.queue.row('2031')).toHaveCount(0);

    // Agents on the simulated floor sign in and out by themselves: export again if the rows
    // changed between reading the screen and the download.
    await expect(async () => {
      const before = await app.queue.readRows();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        app.queue.exportCsv.click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^floorwatch-queue-1-\d{8}-\d{6}\.csv$/);
      const after = await app.queue.readRows();
      expect(after.map((r) => r['Work no.'])).toEqual(before.map((r) => r['Work no.']));

      const text = await readFile((await download.path()) ?? '', 'utf8');
      const { bom, title, header, records } = csvExport(text);
      // A BOM so Excel reads UTF-8, and a first line saying which queue and when.
      expect(bom).toBe(true);
      expect(title.slice(0, 3)).toEqual(['Queue', 'Billing (skill 1)', 'Exported']);
      expect(title[3]).toMatch(ISO_WITH_OFFSET);
      // The columns on screen; a duration is whole seconds, then h:mm:ss text beside it; a group
      // and a reason by name, then the gateway's number beside it.
      const beside: Record<string, string[]> = {
        'Time in state': ['Time in state (s)', 'Time in state'],
        Group: ['Group', 'Group id'],
        Reason: ['Reason', 'Reason code'],
      };
      expect(header).toEqual((await app.queue.columnLabels()).flatMap((c) => beside[c] ?? [c]));
      expect(records.map((r) => r['Work no.'])).toEqual(before.map((r) => r['Work no.']));
      for (const [i, r] of records.entries()) {
        expect(r.Name).toBe(before[i]?.Name);
        expect(r['Time in state (s)']).toMatch(/^\d+$/);
        expect(r['Time in state']).toMatch(/^\d+:\d\d:\d\d$/);
        const [h, m, s] = (r['Time in state'] ?? '').split(':').map(Number);
        expect((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)).toBe(Number(r['Time in state (s)']));
        if (r['Signed in'] !== '') expect(r['Signed in']).toMatch(ISO_WITH_OFFSET);
        // No value is an empty cell, never a dash.
        for (const v of Object.values(r)) expect(v).not.toBe('—');
      }
      expect(records.find((r) => r['Work no.'] === '2001')).toMatchObject({
        Name: 'Amelia Hart',
        State: 'Rest',
        Media: 'Voice/video',
        'Other queues': '',
      });
      // Other queues by name.
      expect(records.find((r) => r['Work no.'] === '2002')).toMatchObject({
        State: 'Talking',
        'Other queues': 'Sales',
      });
    }).toPass({ timeout: 30_000 });
  });
});
