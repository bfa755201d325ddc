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

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const dark = theme === 'dark';
    if ((await this.themeToggle.getAttribute('aria-pressed')) !== String(dark))
      await this.themeToggle.click();
    await expect(this.themeToggle).toHaveAttribute('aria-pressed', String(dark));
  }
}
