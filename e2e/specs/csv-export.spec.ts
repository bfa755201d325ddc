import { readFile } from 'node:fs/promises';
import { csvRecords } from '../fixtures/csv';
import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('CSV export', () => {
  test('downloads exactly the rows and columns on screen', async ({ app, page }) => {
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

      const { header, records } = csvRecords(await readFile((await download.path()) ?? '', 'utf8'));
      expect(header).toEqual(await app.queue.columnLabels());
      expect(records.map((r) => r['Work no.'])).toEqual(before.map((r) => r['Work no.']));
      for (const [i, r] of records.entries()) {
        expect(r.Name).toBe(before[i]?.Name);
        expect(r.Phone).toBe(before[i]?.Phone);
      }
      expect(records.find((r) => r['Work no.'] === '2001')).toMatchObject({
        Name: 'Amelia Hart',
        State: 'Rest',
        Media: 'Voice/video',
      });
      expect(records.find((r) => r['Work no.'] === '2002')).toMatchObject({ State: 'Talking' });
    }).toPass({ timeout: 30_000 });
  });
});
