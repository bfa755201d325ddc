import { expect, test } from '../fixtures/test';

test.describe('phone width (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the queue page shows a card per agent and the page scrolls to the last one', async ({
    app,
  }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await expect(app.queue.heading('Billing')).toBeVisible();
    await expect(app.queue.grid).toHaveCount(0);
    const cards = app.queue.agentCards
      .getByRole('listitem')
      .filter({ has: app.page.getByRole('button') });
    await expect(cards.first()).toBeVisible();
    const first = cards.first();
    await expect(first.getByRole('button')).not.toHaveText('');
    await expect(first).toContainText(
      /(Idle|Talking|Wrap-up|Busy|Rest|Pre-rest|Signed out|Unknown)/,
    );
    await expect(first).toContainText(/\d+:\d\d/);
    await expect(first.getByRole('list', { name: 'Media sign-in' })).toBeVisible();
    // Every card fits the width, and the last one can be scrolled to.
    const last = cards.last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    const box = await last.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 1000)).toBeLessThanOrEqual(390);
    await last.getByRole('button').first().click();
    await expect(app.queue.agentDetail).toBeVisible();
  });

  test('the limits page fits for an admin: the table and every limit field are inside the screen', async ({
    app,
    page,
  }) => {
    await app.signInAs('admin');
    await app.settings.open();
    const table = page.getByRole('table', { name: /^Time in state/ }).first();
    const tableBox = await table.boundingBox();
    expect((tableBox?.x ?? 0) + (tableBox?.width ?? 1000)).toBeLessThanOrEqual(390);
    for (const label of [
      'Warning limit for Signed out, seconds',
      'Critical limit for Unknown, seconds',
    ]) {
      const field = page.getByLabel(label);
      await field.scrollIntoViewIfNeeded();
      const box = await field.boundingBox();
      expect(box, label).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(390);
    }
    await app.settings.save.scrollIntoViewIfNeeded();
    await expect(app.settings.save).toBeInViewport({ ratio: 1 });
  });
});

test.describe('desk width (1440 × 900)', () => {
  test('the Signed-in, time and media columns are not cut off', async ({ app }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    expect(await app.queue.clippedCells('Signed in')).toEqual([]);
    expect(await app.queue.clippedCells('Time in state')).toEqual([]);
    expect(await app.queue.clippedCells('Media')).toEqual([]);
  });
});
