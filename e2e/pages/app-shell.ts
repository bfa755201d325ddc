import { expect, type Locator, type Page } from '@playwright/test';

/** What every signed-in screen has: the header with the freshness line, the stale banner, theme. */
export class AppShell {
  readonly freshness: Locator;
  readonly staleBanner: Locator;
  readonly main: Locator;
  readonly themeToggle: Locator;
  readonly signOut: Locator;

  constructor(private readonly page: Page) {
    this.freshness = page.getByRole('status', { name: 'Data freshness' });
    this.staleBanner = page
      .getByRole('alert')
      .filter({ hasText: /Gateway unreachable|No fresh data|Reconnecting/ });
    this.main = page.getByRole('main');
    this.themeToggle = page.getByRole('button', { name: 'Toggle theme' });
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  async expectLive(timeout = 15_000): Promise<void> {
    await expect(this.freshness).toContainText(/^Live · updated/, { timeout });
    await expect(this.staleBanner).toBeHidden();
  }

  /** The stale/unreachable state: banner up, the header says so, the content marked dimmed. */
  async expectStale(timeout = 15_000): Promise<void> {
    await expect(this.staleBanner).toBeVisible({ timeout });
    await expect(this.staleBanner).toContainText(/Gateway unreachable — data from \d\d:\d\d:\d\d/);
    await expect(this.freshness).not.toContainText('Live');
    await expect(this.main).toHaveAttribute('data-stale', 'true');
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
