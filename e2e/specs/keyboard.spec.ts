import { expect, test } from '../fixtures/test';
import { tabTo } from '../pages/keyboard';

test.describe('keyboard only', () => {
  test('a queue can be opened and its grid sorted without a pointer', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await app.overview.open();

    const billing = app.overview.tileLink('Billing');
    await tabTo(page, billing);
    await page.keyboard.press('Enter');
    await app.queue.expectLoaded('Billing');
    // Opening a queue puts focus on its heading: a screen reader says where the user is.
    await expect(app.queue.heading('Billing')).toBeFocused();

    const nameSort = app.queue.columnHeader('Name').getByRole('button');
    await tabTo(page, nameSort);
    await page.keyboard.press('Enter');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Enter');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending');
  });

  test('trend charts are not in the tab order: one Tab goes from tile to tile', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await app.api.waitForHistory();
    await app.overview.open();
    await expect(app.overview.collectingHistory).toHaveCount(0);
    const names = await app.overview.tileHeadings.allInnerTexts();
    expect(names.length).toBeGreaterThan(2);
    await tabTo(page, app.overview.tileLink(names[0]!));
    for (const next of names.slice(1, 3)) {
      await page.keyboard.press('Tab');
      await expect(app.overview.tileLink(next)).toBeFocused();
    }
  });
});
