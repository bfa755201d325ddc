// The README's pictures: overview, a queue and the wall display, light and dark, from the small
// scenario at fixed viewports. Written to docs/screenshots on every run.
import path from 'node:path';
import { screenshotsDir } from '../fixtures/paths';
import { expect, test } from '../fixtures/test';

const shot = (name: string) => ({
  path: path.join(screenshotsDir, `${name}.png`),
  animations: 'disabled' as const,
  caret: 'hide' as const,
});

test('screenshots for the README: overview, queue and wall display, light and dark', async ({
  app,
  page,
}) => {
  await app.signInAs('supervisor');
  await app.api.waitForHistory();
  for (const theme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.overview.open();
    await app.shell.chooseTheme(theme);
    await app.shell.expectLive();
    await expect(app.overview.tiles).toHaveCount(6);
    await expect(app.overview.collectingHistory).toHaveCount(0);
    await page.screenshot(shot(`overview-${theme}`));

    await app.overview.openQueue('Billing');
    await app.queue.expectLoaded('Billing');
    await app.shell.expectLive();
    await page.screenshot(shot(`queue-${theme}`));

    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.wall.open();
    await app.wall.expectLive();
    await expect(app.wall.tile('Billing')).toBeVisible();
    await page.screenshot(shot(`wall-${theme}`));
  }
});

test('screenshots for the README: the wall display at 4K and in portrait', async ({
  app,
  page,
}) => {
  await app.signInAs('supervisor');
  for (const [name, viewport] of [
    ['wall-4k-dark', { width: 3840, height: 2160 }],
    ['wall-portrait-dark', { width: 1080, height: 1920 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await app.wall.open();
    await app.wall.expectLive();
    await expect(app.wall.tile('Billing')).toBeVisible();
    await page.screenshot(shot(name));
  }
});

test('screenshots for the README: exceptions and limits at desk and phone width', async ({
  app,
  page,
}) => {
  test.slow();
  await app.signInAs('admin');
  const before = await app.api.shortenStateLimits();
  try {
    await app.api.waitForHistory();
    for (const [suffix, viewport] of [
      ['', { width: 1440, height: 900 }],
      ['-phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await app.overview.open();
      await app.shell.chooseTheme('light');
      await app.shell.expectLive();
      await page.screenshot(shot(`overview-exceptions${suffix}-light`));
      await app.exceptions.open();
      await expect(app.exceptions.rows.first()).toBeVisible({ timeout: 20_000 });
      await page.screenshot(shot(`exceptions${suffix}-light`));
      await app.queue.open(1);
      // A phone shows cards, not the table.
      await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
      await page.screenshot(shot(`queue-kpis${suffix}-light`));
      await app.settings.open();
      await page.screenshot(shot(`settings${suffix}-light`));
    }
  } finally {
    await app.api.setSiteStateLimits(before);
  }
});

test.describe('on a 500-queue floor', () => {
  test.use({ stackOptions: { scenario: 'large', users: 'demo' } });
  test.slow();

  test('screenshot for the README: the wall display paging 500 queues', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.wall.open({ rotateSec: 3600 });
    await app.wall.expectLive(30_000);
    await expect(app.wall.position).toHaveText(/^Page 1 of \d+$/);
    await page.screenshot(shot('wall-large-dark'));
  });
});
