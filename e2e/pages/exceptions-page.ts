import { expect, type Locator, type Page } from '@playwright/test';

/** "Exceptions": every agent past a limit in the user's queues, worst first. */
export class ExceptionsPage {
  readonly heading: Locator;
  /** The rows, worst first (when not grouped). */
  readonly rows: Locator;
  /** The overview's panel of the same list. */
  readonly panelRows: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Exceptions', level: 1 });
    this.rows = page.getByRole('list', { name: 'Exceptions, worst first' }).getByRole('listitem');
    this.panelRows = page
      .getByRole('list', { name: 'Agents needing attention, worst first' })
      .getByRole('listitem');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/exceptions${query}`);
    await expect(this.heading).toBeVisible();
  }

  row(workno: string): Locator {
    return this.rows.filter({ has: this.page.getByText(workno, { exact: true }) });
  }
}
