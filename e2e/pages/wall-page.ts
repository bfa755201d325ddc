import { expect, type Locator, type Page } from '@playwright/test';

/** The unattended wall display (/wall): rotates through queues, signs in from a link token. */
export class WallPage {
  /** The queue in focus (rotation) is the page's only level-1 heading. */
  readonly focusHeading: Locator;
  readonly position: Locator;
  readonly freshness: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.focusHeading = page.getByRole('heading', { level: 1 });
    this.position = page.getByLabel(/^Queue \d+ of \d+$/);
    this.freshness = page.getByRole('status', { name: 'Data freshness' });
  }

  async open(
    params: { queues?: number[]; rotateSec?: number; token?: string } = {},
  ): Promise<void> {
    const q = new URLSearchParams();
    if (params.queues) q.set('queues', params.queues.join(','));
    if (params.rotateSec) q.set('rotate', String(params.rotateSec));
    if (params.token) q.set('token', params.token);
    const query = q.toString();
    await this.page.goto(`${this.baseUrl}/wall${query ? `?${query}` : ''}`);
  }

  tile(queueName: string): Locator {
    return this.page.getByRole('article', { name: queueName, exact: true });
  }

  agentsOf(queueName: string): Locator {
    return this.page.getByRole('list', { name: `Agents in ${queueName}, longest in state first` });
  }

  async expectLive(timeout = 15_000): Promise<void> {
    await expect(this.freshness).toContainText(/^Live · updated/, { timeout });
  }
}
