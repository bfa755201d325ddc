// Playwright drives Debian's Chromium (support/chromium.ts says how, and why not a downloaded
// browser). Fixtures start the product themselves, so no webServer is configured.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

const CI = process.env.CI === 'true';
// A CI host is shared and can be slow: twice the limits there. They catch a hung step; nothing
// here is a speed target (bench/ measures speed).
const SLOW = CI ? 2 : 1;
// Playwright empties outputDir when a run starts; a run id keeps two runs on this shared machine
// (a developer's and `npm test`) from deleting each other's traces. Workers inherit the id.
process.env.FLOORWATCH_E2E_RUN_ID ??= new Date().toISOString().replace(/[:.]/g, '-');

export default defineConfig({
  testDir: './specs',
  outputDir: `./.artifacts/test-results/${process.env.FLOORWATCH_E2E_RUN_ID}`,
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  // Two shared cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000 * SLOW,
  expect: { timeout: 10_000 * SLOW },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    colorScheme: 'light',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000 * SLOW,
    navigationTimeout: 20_000 * SLOW,
    launchOptions: chromiumLaunchOptions(),
  },
});
