import { expect, type Locator, type Page } from '@playwright/test';
import type { Credentials } from '../fixtures/users';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly sessionEnded: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByRole('alert');
    this.sessionEnded = page.getByRole('status').filter({ hasText: 'Your session ended' });
  }

  /** Opens `path`; a signed-out browser is sent to the sign-in screen. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await expect(this.page).toHaveURL(/\/login\?/);
    await expect(this.username).toBeVisible();
  }

  async signIn(creds: Credentials): Promise<void> {
    await this.username.fill(creds.username);
    await this.password.fill(creds.password);
    await this.submit.click();
  }

  /** Submits credentials that will be refused and returns the message shown for them. */
  async failedAttempt(creds: Credentials): Promise<string> {
    await this.signIn(creds);
    // Submitting clears the previous message, so the one awaited here is this attempt's.
    await expect(this.error).toBeVisible();
    return this.error.innerText();
  }
}
