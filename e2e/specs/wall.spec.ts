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
});
