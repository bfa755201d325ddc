import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('overview', () => {
  test('shows a tile for every queue of the small-centre scenario', async ({ app }) => {
    await app.signInAs('supervisor');
    const snap = await app.api.liveSnapshot();
    // The small centre has six named queues; the list itself comes from the BFF, not the test.
    expect(snap.queues.map((q) => q.name)).toHaveLength(6);

    await app.overview.open();
    await app.shell.expectLive();
    await expect(app.overview.tiles).toHaveCount(snap.queues.length);
    for (const q of snap.queues) {
      const tile = app.overview.tile(q.name);
      await expect(tile).toBeVisible();
      await expect(tile).toContainText(`Skill ${q.skillId}`);
    }
    // Header totals count each agent once and say so beside the memberships.
    const agents = snap.agents.length;
    const memberships = snap.queues.reduce((n, q) => n + q.agents.length, 0);
    expect(memberships).toBeGreaterThan(agents);
    await expect(app.overview.totals).toContainText(/each agent counted once/);
    await expect(app.overview.totals).toContainText(
      /\d+ agents · \d+ queue memberships · 6 queues/,
    );
  });

  test('drills into a queue and reads the grid row by row', async ({ app, page }) => {
    await app.signInAs('supervisor');
    const snap = await app.api.liveSnapshot();
    const billing = snap.queues.find((q) => q.skillId === 1)!;

    await app.overview.open();
    await app.overview.openQueue(billing.name);
    await expect(page).toHaveURL(`${app.stack.url}/queues/1`);
    await app.queue.expectLoaded(billing.name);

    // Pin two agents so some rows are known whatever the simulated floor does meanwhile
    // (agents there sign out and back in by themselves).
    await app.stack.sim.setAgentState('2001', STATUS.rest);
    await app.stack.sim.setAgentState('2002', STATUS.talking);
    await expect(await app.queue.cell('2001', 'State')).toHaveText('Rest');

    const rows = await app.queue.readRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r['Work no.']).toMatch(/^\d{4}$/);
      expect(r.Name).not.toBe('');
      expect(r.State).toMatch(/^(Idle|Talking|Wrap-up|Busy|Rest|Pre-rest|Signed out|Unknown)$/);
      expect(r['Time in state']).toMatch(/^(\d+:)?\d{1,2}:\d\d$/);
    }
    const pinned = rows.find((r) => r['Work no.'] === '2001');
    expect(pinned).toMatchObject({ Name: 'Amelia Hart', State: 'Rest', Phone: '88880001' });
    // Only in Billing: "Other queues" is empty; agent 2002 is also in Sales.
    expect(pinned?.['Other queues']).toBe('—');
    await expect(await app.queue.cell('2002', 'Other queues')).toHaveText('also in 1 queue');

    await app.queue.backToOverview.click();
    await app.overview.expectLoaded();
  });

  test('search and media filters narrow the tiles and live in the URL', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await app.overview.open();
    await expect(app.overview.tiles).toHaveCount(6);

    await app.overview.filterByMedia('Social chat');
    await expect(app.overview.tileHeadings).toHaveText(['Web Chat']);
    await app.overview.filterByMedia('All media');
    await app.overview.search.fill('sup');
    await expect(app.overview.tileHeadings).toHaveText(['Technical Support']);
    await expect(app.overview.totals).toContainText('(of 6)');

    await page.reload();
    await app.overview.expectLoaded();
    await expect(app.overview.search).toHaveValue('sup');
    await expect(app.overview.tileHeadings).toHaveText(['Technical Support']);
  });
});
