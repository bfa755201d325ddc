import { expect, type Locator, type Page } from '@playwright/test';

export class OverviewPage {
  readonly heading: Locator;
  readonly tiles: Locator;
  /** "N agents · M queue memberships · K queues — each agent counted once across queues" */
  readonly totals: Locator;
  readonly search: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Queues', level: 1 });
    this.tiles = page.getByRole('main').getByRole('article');
    this.totals = page.getByText(/queue membership/);
    this.search = page.getByLabel('Search queues');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.tiles.first()).toBeVisible();
  }

  tile(queueName: string): Locator {
    return this.page.getByRole('article', { name: queueName, exact: true });
  }

  /** Names of the queue tiles on screen, in order. */
  async tileNames(): Promise<string[]> {
    return (await this.tiles.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  async openQueue(queueName: string): Promise<void> {
    await this.tile(queueName).getByRole('link', { name: queueName, exact: true }).click();
  }
}
