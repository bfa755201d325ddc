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
