import { expect, type Locator, type Page } from '@playwright/test';

type LimitState = 'idle' | 'talking' | 'wrapup' | 'busy' | 'rest' | 'unknown';

/** How the page names each state (the labels the rest of the product uses). */
const STATE_LABEL: Record<LimitState, string> = {
  idle: 'Idle',
  talking: 'Talking',
  wrapup: 'Wrap-up',
  busy: 'Busy',
  rest: 'Rest',
  unknown: 'Unknown',
};

/** "Time limits": warning and critical limits per state, kept per user in this browser. */
export class SettingsPage {
  readonly heading: Locator;
  readonly save: Locator;
  readonly saved: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Time limits', level: 1 });
    this.save = page.getByRole('button', { name: 'Save limits' });
    this.saved = page.getByRole('status').filter({ hasText: 'Saved' });
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/settings`);
    await expect(this.heading).toBeVisible();
  }

  async setLimit(state: LimitState, warnSec: number, critSec: number): Promise<void> {
    const label = STATE_LABEL[state];
    await this.page.getByLabel(`Warning limit for ${label}, seconds`).fill(String(warnSec));
    await this.page.getByLabel(`Critical limit for ${label}, seconds`).fill(String(critSec));
  }

  async saveLimits(): Promise<void> {
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }
}
