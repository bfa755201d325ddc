import { expect, type Locator, type Page } from '@playwright/test';

export class OverviewPage {
  readonly heading: Locator;
  readonly tiles: Locator;
  /** The queue name of each tile, in screen order. */
  readonly tileHeadings: Locator;
  /** "N agents · M queue memberships · K queues — each agent counted once across queues" */
  readonly totals: Locator;
  readonly search: Locator;
  readonly mediaFilter: Locator;
  /** Shown instead of a trend line until the BFF has history for the queue. */
  readonly collectingHistory: Locator;
  /** "Find an agent" across every queue, and what it found. */
  readonly findAgent: Locator;
  readonly agentsFound: Locator;
  readonly sort: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Queues', level: 1 });
    this.tiles = page.getByRole('main').getByRole('article');
    this.tileHeadings = this.tiles.getByRole('heading', { level: 2 });
    this.totals = page.getByText(/queue membership/);
    this.search = page.getByLabel('Search queues');
    this.mediaFilter = page.getByLabel('Media type');
    this.collectingHistory = page.getByText('Collecting history…');
    this.findAgent = page.getByLabel('Find an agent');
    this.agentsFound = page.getByRole('region', { name: 'Agents found' });
    this.sort = page.getByLabel('Sort queues');
  }

  /** The link to an agent in its first queue, among the agents found. */
  foundAgent(name: string): Locator {
    return this.agentsFound.getByRole('link', { name: new RegExp(`^${name} \\d+$`) });
  }

  async sortTiles(label: string): Promise<void> {
    await this.sort.selectOption({ label });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.tiles.first()).toBeVisible();
  }

  /** A queue's tile, found by the link on its name (what a user reads and clicks). */
  tile(queueName: string): Locator {
    return this.tiles.filter({
      has: this.page.getByRole('link', { name: queueName, exact: true }),
    });
  }

  tileLink(queueName: string): Locator {
    return this.tiles.getByRole('link', { name: queueName, exact: true });
  }

  async filterByMedia(label: string): Promise<void> {
    await this.mediaFilter.selectOption({ label });
  }

  async openQueue(queueName: string): Promise<void> {
    await this.tileLink(queueName).click();
  }
}
