import { publishNewRelease } from '../fixtures/run-dir';
import { expect, test } from '../fixtures/test';

test.describe('wall display', () => {
  test('rotates through the queues in its link', async ({ app }) => {
    await app.signInAs('supervisor');
    // 5 s is the shortest rotation the wall accepts (shorter values are raised to it).
    const rotateSec = 5;
    await app.wall.open({ queues: [1, 2], rotateSec });
    await app.wall.expectLive();
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await expect(app.wall.position).toHaveAccessibleName('Queue 1 of 2');
    await expect(app.wall.agentsOf('Billing').getByRole('listitem').first()).toBeVisible();

    const within = { timeout: (rotateSec + 3) * 1000 };
    await expect(app.wall.focusHeading).toHaveText('Technical Support', within);
    await expect(app.wall.position).toHaveAccessibleName('Queue 2 of 2');
    await expect(app.wall.focusHeading).toHaveText('Billing', within);
  });

  test('a wallboard link signs the display in without a password', async ({ app, page }) => {
    expect(await app.api.me()).toBeNull();
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();
    await expect(page).toHaveURL(/\/wall\?/);
    await expect(app.login.password).toHaveCount(0);
    expect(await app.api.me()).toMatchObject({ role: 'wallboard' });
  });

  test('a display whose session ends signs itself back in with its link', async ({ app, page }) => {
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();
    const before = await app.api.me();
    expect(before).toMatchObject({ role: 'wallboard' });

    await app.api.signOut();
    // Nobody is there to type a password: the display must come back by itself.
    await expect.poll(() => app.api.me(), { timeout: 20_000 }).toMatchObject({ role: 'wallboard' });
    await app.wall.expectLive(20_000);
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await expect(page).toHaveURL(/\/wall\?/);
  });

  test('a display reloads itself when a new release is served', async ({ app, page }) => {
    await page.clock.install();
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();

    const restore = publishNewRelease(test.info().testId);
    try {
      const reloaded = page.waitForEvent('load');
      // The display checks the served release every few minutes; jump ahead instead of waiting.
      await page.clock.fastForward('05:00');
      await reloaded;
      await expect(app.wall.focusHeading).toHaveText('Billing');
    } finally {
      restore();
    }
  });
});
