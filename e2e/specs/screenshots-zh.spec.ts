// The README's Simplified Chinese pictures: the simulator's Chinese centre (SIM_LOCALE=zh-CN) in
// a browser set to zh-CN on the floor's clock, at desk, phone and wall sizes. Written to
// docs/screenshots/zh-CN-*.png on every run.
import path from 'node:path';
import { screenshotsDir } from '../fixtures/paths';
import { expect, test } from '../fixtures/test';
import { words } from '../fixtures/words';

const w = words('zh-CN');

const shot = (name: string) => ({
  path: path.join(screenshotsDir, `zh-CN-${name}.png`),
  animations: 'disabled' as const,
  caret: 'hide' as const,
});

test.use({
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  stackOptions: {
    scenario: 'small',
    users: 'demo',
    env: { SIM_LOCALE: 'zh-CN', FLOORWATCH_TIME_ZONE: 'Asia/Shanghai' },
  },
});

test('screenshots for the README in Simplified Chinese: desk, phone and wall', async ({
  app,
  page,
}) => {
  test.slow();
  await app.signInAs('admin');
  const before = await app.api.shortenStateLimits();
  const live = page.getByRole('status', { name: w.t('fresh.region') });
  const theme = page.getByRole('button', { name: w.t('theme.toggle') });
  // Saved as this browser's choice, as a user would make it (the wall is dark unless chosen).
  const chooseLight = async () => {
    if ((await theme.getAttribute('aria-pressed')) === 'false') await theme.click();
    await theme.click();
    await expect(theme).toHaveAttribute('aria-pressed', 'false');
  };
  const tiles = page.getByRole('main').getByRole('article');
  try {
    await app.api.waitForHistory();
    for (const [suffix, viewport] of [
      ['', { width: 1440, height: 900 }],
      ['-phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.stack.url}/`);
      await chooseLight();
      await expect(live).toHaveText(w.pattern('fresh.live'), { timeout: 15_000 });
      await expect(tiles.first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(w.t('tile.trend.collecting'))).toHaveCount(0);
      await page.screenshot(shot(`overview${suffix}`));

      await page.goto(`${app.stack.url}/queues/1`);
      await expect(page.getByRole('heading', { level: 1, name: '信用卡服务' })).toBeVisible();
      await page.screenshot(shot(`queue${suffix}`));

      await page.goto(`${app.stack.url}/exceptions`);
      await expect(
        page
          .getByRole('list', { name: w.t('exceptions.list') })
          .getByRole('listitem')
          .first(),
      ).toBeVisible({ timeout: 20_000 });
      await page.screenshot(shot(`exceptions${suffix}`));
    }

    // Walls are dark: choose it again as the display's own choice.
    await theme.click();
    await expect(theme).toHaveAttribute('aria-pressed', 'true');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${app.stack.url}/wall`);
    await expect(page.getByRole('status', { name: w.t('wall.freshness') })).toHaveText(
      w.pattern('fresh.live'),
      { timeout: 15_000 },
    );
    await expect(page.getByRole('article', { name: '信用卡服务' })).toBeVisible();
    await page.screenshot(shot('wall-dark'));
  } finally {
    await app.api.setSiteStateLimits(before);
  }
});
