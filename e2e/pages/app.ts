import type { Page } from '@playwright/test';
import type { BffApi } from '../fixtures/bff-api';
import type { Stack } from '../fixtures/stack';
import { AppShell } from './app-shell';
import { ExceptionsPage } from './exceptions-page';
import { LoginPage } from './login-page';
import { OverviewPage } from './overview-page';
import { QueuePage } from './queue-page';
import { SettingsPage } from './settings-page';
import { WallPage } from './wall-page';

/** Entry point for specs: the screens of one Floorwatch stack in one browser page. */
export class App {
  readonly shell: AppShell;
  readonly login: LoginPage;
  readonly overview: OverviewPage;
  readonly queue: QueuePage;
  readonly settings: SettingsPage;
  readonly wall: WallPage;
  readonly exceptions: ExceptionsPage;

  constructor(
    readonly page: Page,
    readonly stack: Stack,
    readonly api: BffApi,
  ) {
    this.shell = new AppShell(page);
    this.login = new LoginPage(page, stack.url);
    this.overview = new OverviewPage(page, stack.url);
    this.queue = new QueuePage(page, stack.url);
    this.settings = new SettingsPage(page, stack.url);
    this.wall = new WallPage(page, stack.url);
    this.exceptions = new ExceptionsPage(page, stack.url);
  }

  /** Signs the browser context in through the API (the sign-in journey is the only UI sign-in). */
  async signInAs(role: 'admin' | 'supervisor' | 'teamlead'): Promise<void> {
    const creds = this.stack.accounts[role];
    if (!creds) throw new Error(`this stack has no ${role} account (use the users file)`);
    await this.api.signIn(creds);
  }
}
