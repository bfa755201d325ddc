import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('queue view in the URL', () => {
  test('filters, search, sort and columns survive a reload, so a view can be bookmarked', async ({
    app,
    page,
  }) => {
    await app.stack.sim.setAgentState('2001', STATUS.rest);
    await app.stack.sim.setAgentState('2003', STATUS.rest);
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');

    await app.queue.filterByState('Rest');
    await app.queue.searchFor('200');
    await app.queue.sortBy('Name');
    await app.queue.toggleColumn('Phone');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(app.queue.columnHeader('Phone')).toHaveCount(0);
    await expect(app.queue.row('2001')).toBeVisible();
    await expect(app.queue.row('2003')).toBeVisible();

    const bookmarked = page.url();
    expect(new URL(bookmarked).search).not.toBe('');
    await page.goto(bookmarked);
    await app.queue.expectLoaded('Billing');
    await expect(app.queue.search).toHaveValue('200');
    await expect(app.queue.stateFilter).toHaveValue('rest');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
    await expect(app.queue.columnHeader('Phone')).toHaveCount(0);
    // Only agents in Rest whose work number has "200", A→Z by name: Amelia Hart before Sofia Rossi.
    const rows = await app.queue.readRows();
    for (const r of rows) expect(r.State).toBe('Rest');
    const names = rows.map((r) => r.Name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names.indexOf('Amelia Hart')).toBeLessThan(names.indexOf('Sofia Rossi'));
  });
});
