import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('agent detail and finding an agent', () => {
  test('a row opens the agent detail with every field; the URL keeps it; Escape closes it', async ({
    app,
    page,
  }) => {
    await app.stack.sim.setAgentState('2002', STATUS.talking);
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');

    await app.queue.openAgent('2002');
    const detail = app.queue.agentDetail;
    await expect(detail).toBeVisible();
    await expect(page).toHaveURL(/[?&]agent=2002\b/);
    const name = (await detail.getByRole('heading').innerText()).trim();
    expect(name).not.toBe('');
    await expect(detail).toHaveAccessibleName(name);
    await expect(detail).toContainText('Work no. 2002');
    await expect(detail).toContainText('Talking');
    await expect(detail).toContainText(/Time in state\s*\d+:\d\d/);
    await expect(detail).toContainText(/signed in for \d/);
    await expect(detail).toContainText(/Phone\s*\d+/);
    // Queues by name: this one, and Sales as a link to the same agent there.
    await expect(detail).toContainText('Billing (this queue)');
    await expect(detail.getByRole('link', { name: 'Sales' })).toBeVisible();

    await page.reload();
    await expect(app.queue.agentDetail).toBeVisible();
    await expect(app.queue.agentDetail).toHaveAccessibleName(name);

    await page.keyboard.press('Escape');
    await expect(app.queue.agentDetail).toBeHidden();
    await expect(page).not.toHaveURL(/agent=/);
  });

  test('Enter on a row opens its detail, and closing returns focus to the row', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    const button = app.queue.agentButton('2001');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(app.queue.agentDetail).toBeVisible();
    await app.queue.agentDetail.getByRole('button', { name: 'Close' }).click();
    await expect(app.queue.agentDetail).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('the overview finds an agent by name or work number and jumps to it', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await app.overview.open();
    await app.overview.findAgent.fill('Amelia');
    await expect(app.overview.foundAgent('Amelia Hart')).toBeVisible();
    await app.overview.foundAgent('Amelia Hart').click();
    await expect(page).toHaveURL(/\/queues\/1\?agent=2001$/);
    await expect(app.queue.agentDetail).toHaveAccessibleName('Amelia Hart');
    await expect(app.queue.heading('Billing')).toBeVisible();

    // A work number and Enter: straight to the first agent found.
    await app.overview.open();
    await app.overview.findAgent.fill('2001');
    await app.overview.findAgent.press('Enter');
    await expect(app.queue.agentDetail).toHaveAccessibleName('Amelia Hart');
  });

  test('tiles sort by name and by urgency, and the order is in the URL', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await app.overview.open();
    await app.overview.sortTiles('Name (A–Z)');
    await expect(page).toHaveURL(/[?&]sort=name\b/);
    const names = await app.overview.tileHeadings.allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));

    await app.overview.sortTiles('Most urgent first');
    await expect(page).toHaveURL(/[?&]sort=urgency\b/);
    await page.reload();
    await app.overview.expectLoaded();
    await expect(app.overview.sort).toHaveValue('urgency');
  });
});
