import { expect, type Locator, type Page } from '@playwright/test';

/** Every plain sentence a screen uses for a gateway problem, with the time of the last data. */
export const PROBLEM_SENTENCE =
  /^(Can't reach the phone system since|The phone system has not answered since|No new data from the phone system since|No permission to read agent data|Floorwatch can't sign in to the phone system|Signing in to the phone system again|The phone system sent data Floorwatch can't read|The phone system is busy|Problem getting data from the phone system)/;

/** What must never reach a supervisor's screen. */
export const TECHNICAL_JARGON =
  /ECONNREFUSED|socket hang up|within \d+ ms|HTTP_?\d{3}|127\.0\.0\.1/;

export interface FreshnessSample {
  /** Milliseconds since sampling began. */
  at: number;
  text: string;
  banner: boolean;
  dimmed: boolean;
}

/** What every signed-in screen has: the header with the freshness line, the stale banner, theme. */
export class AppShell {
  readonly freshness: Locator;
  readonly staleBanner: Locator;
  readonly main: Locator;
  readonly themeToggle: Locator;
  readonly signOut: Locator;
  /** The closed "Technical details" disclosure of the stale banner (desk only). */
  readonly technicalDetails: Locator;

  constructor(private readonly page: Page) {
    this.freshness = page.getByRole('status', { name: 'Data freshness' });
    this.staleBanner = page
      .getByRole('alert')
      .filter({ hasText: /phone system|No permission|Reconnecting/ });
    this.technicalDetails = this.staleBanner.getByRole('group');
    this.main = page.getByRole('main');
    this.themeToggle = page.getByRole('button', { name: 'Toggle theme' });
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  async expectLive(timeout = 15_000): Promise<void> {
    await expect(this.freshness).toContainText(/^Live · updated/, { timeout });
    await expect(this.staleBanner).toBeHidden();
  }

  /**
   * The stale/unreachable state: banner up, the header says so in plain words (`sentence`, by
   * default any of the product's), the content marked dimmed, no technical jargon on screen.
   */
  async expectStale(timeout = 15_000, sentence: RegExp = PROBLEM_SENTENCE): Promise<void> {
    await expect(this.staleBanner).toBeVisible({ timeout });
    await expect(this.freshness).toHaveText(sentence);
    await expect(this.staleBanner.getByText(sentence)).toBeVisible();
    await expect(this.freshness).not.toHaveText(TECHNICAL_JARGON);
    await expect(this.main).toHaveAttribute('data-stale', 'true');
  }

  /** Opens the banner's "Technical details" and returns what it says (code and raw message). */
  async readTechnicalDetails(): Promise<string> {
    await this.technicalDetails.getByText('Technical details').click();
    return (await this.technicalDetails.innerText()).replace(/\s+/g, ' ').trim();
  }

  /**
   * Reads the freshness line, the banner and the dimming about once a second for `durationMs`
   * (expect.poll's own interval, not a sleep) and returns every sample.
   */
  async sampleFreshness(durationMs: number): Promise<FreshnessSample[]> {
    const samples: FreshnessSample[] = [];
    const started = Date.now();
    await expect
      .poll(
        async () => {
          samples.push({
            at: Date.now() - started,
            text: (await this.freshness.innerText()).trim(),
            banner: await this.staleBanner.isVisible(),
            dimmed: (await this.main.getAttribute('data-stale')) === 'true',
          });
          return Date.now() - started;
        },
        { intervals: [1000], timeout: durationMs + 30_000 },
      )
      .toBeGreaterThanOrEqual(durationMs);
    return samples;
  }

  /**
   * Chooses a theme with the header toggle, so the choice is saved for this browser (the wall
   * display follows a saved choice, and is dark otherwise). When the page already shows that
   * theme it toggles away and back, as a user would, to save the choice explicitly.
   */
  async chooseTheme(theme: 'light' | 'dark'): Promise<void> {
    const dark = String(theme === 'dark');
    if ((await this.themeToggle.getAttribute('aria-pressed')) === dark) {
      await this.themeToggle.click();
      await expect(this.themeToggle).not.toHaveAttribute('aria-pressed', dark);
    }
    await this.themeToggle.click();
    await expect(this.themeToggle).toHaveAttribute('aria-pressed', dark);
  }
}
