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

/** "Limits": the shared limits per state (admins edit them, others read them), and the admin
 *  page's named reasons. */
export class SettingsPage {
  readonly heading: Locator;
  readonly save: Locator;
  readonly saved: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Limits', level: 1 });
    this.save = page.getByRole('button', { name: 'Save site limits' });
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

  /** As an admin: names a reason code and gives it its own limit (Settings → Reasons). */
  async nameReason(code: number, name: string, warnSec: number, critSec: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/reasons`);
    await this.page
      .getByRole('spinbutton', { name: 'Reason code', exact: true })
      .fill(String(code));
    const form = this.page.getByRole('form', { name: `Reason ${code}` });
    await form.getByLabel(`Name of reason ${code}`).fill(name);
    await form.getByLabel(`Warning limit of reason ${code}, seconds`).fill(String(warnSec));
    await form.getByLabel(`Critical limit of reason ${code}, seconds`).fill(String(critSec));
    await form.getByRole('button', { name: 'Add reason' }).click();
    // Saved, it moves to the list of named reasons.
    await expect(
      this.page.getByRole('region', { name: 'Named reasons' }).getByLabel(`Name of reason ${code}`),
    ).toHaveValue(name);
  }
}
