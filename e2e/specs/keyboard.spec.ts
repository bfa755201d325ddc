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

    const nameSort = app.queue.columnHeader('Name').getByRole('button');
    await tabTo(page, nameSort);
    await page.keyboard.press('Enter');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Enter');
    await expect(app.queue.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending');
  });
});
