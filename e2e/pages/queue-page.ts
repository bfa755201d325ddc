import { expect, type Locator, type Page } from '@playwright/test';

export type Column =
  | 'Name'
  | 'Work no.'
  | 'State'
  | 'Time in state'
  | 'Signed in'
  | 'Media'
  | 'Phone'
  | 'Group'
  | 'VDN'
  | 'Reason'
  | 'Other queues';

export type GridRow = Partial<Record<Column, string>>;

/** The queue drill-in: summary, filters and the agent grid (a real table, read row by row). */
export class QueuePage {
  readonly grid: Locator;
  /** Agent rows only: each has a row header (the agent's name). */
  readonly rows: Locator;
  readonly search: Locator;
  readonly stateFilter: Locator;
  readonly shownCount: Locator;
  readonly exportCsv: Locator;
  readonly notAvailable: Locator;
  readonly backToOverview: Locator;
  /** On a phone: one card per agent instead of the table. */
  readonly agentCards: Locator;
  /** The open agent detail (a modal dialog named after the agent). */
  readonly agentDetail: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.grid = page.getByRole('table', { name: 'Agents' });
    this.rows = this.grid.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.search = page.getByLabel('Search agents');
    this.stateFilter = page.getByLabel('State', { exact: true });
    this.shownCount = page.getByText(/^(\d+ of )?\d+ agents$/);
    this.exportCsv = page.getByRole('button', { name: 'Export CSV' });
    this.notAvailable = page.getByRole('alert').filter({ hasText: /is not available/ });
    this.backToOverview = page.getByRole('link', { name: 'All queues' });
    this.agentCards = page.getByRole('list', { name: 'Agents', exact: true });
    this.agentDetail = page.getByRole('dialog');
  }

  /** One agent's card (phone width), found by the button with its name. */
  agentCard(name: string): Locator {
    return this.agentCards
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** Opens an agent's detail by clicking its row (on the work number cell). */
  async openAgent(workno: string): Promise<void> {
    await this.row(workno).getByRole('cell', { name: workno, exact: true }).click();
  }

  /** The button on an agent's name that opens its detail (the keyboard's way in). */
  agentButton(workno: string): Locator {
    return this.row(workno).getByRole('rowheader').getByRole('button');
  }

  /**
   * Texts of the cells of `column` whose content does not fit their box (cut off or hidden
   * behind an ellipsis): empty when the whole column is readable.
   */
  async clippedCells(column: Column): Promise<string[]> {
    const i = await this.columnIndex(column);
    const cells = await this.rows.all();
    const out: string[] = [];
    for (const row of cells) {
      const cell = this.cellsOf(row).nth(i);
      const clipped = await cell.evaluate((el) =>
        [el, ...Array.from(el.querySelectorAll('*'))].some(
          (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible',
        ),
      );
      if (clipped) out.push(await cell.innerText());
    }
    return out;
  }

  heading(queueName: string): Locator {
    return this.page.getByRole('heading', { name: queueName, level: 1 });
  }

  async open(skillId: number, query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/queues/${skillId}${query}`);
  }

  async expectLoaded(queueName: string): Promise<void> {
    await expect(this.heading(queueName)).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  /** The row of one agent, found by its work number cell. */
  row(workno: string): Locator {
    return this.rows.filter({
      has: this.page.getByRole('cell', { name: workno, exact: true }),
    });
  }

  private cellsOf(row: Locator): Locator {
    return row.getByRole('rowheader').or(row.getByRole('cell'));
  }

  async columns(): Promise<string[]> {
    // Headers are upper-cased by CSS; innerText follows it, so compare case-insensitively.
    return (await this.grid.getByRole('columnheader').allInnerTexts()).map((t) =>
      t.trim().toLowerCase(),
    );
  }

  /** Column labels as the product names them (the CSV header uses the same). */
  async columnLabels(): Promise<Column[]> {
    return (await this.columns()).map((c) => {
      const label = COLUMN_BY_LOWER.get(c);
      if (!label) throw new Error(`unknown column ${c}`);
      return label;
    });
  }

  async columnIndex(column: Column): Promise<number> {
    const i = (await this.columns()).indexOf(column.toLowerCase());
    if (i < 0) throw new Error(`column ${column} is not shown`);
    return i;
  }

  async cell(workno: string, column: Column): Promise<Locator> {
    return this.cellsOf(this.row(workno)).nth(await this.columnIndex(column));
  }

  /** Every visible row as column → text, in the order on screen. */
  async readRows(): Promise<GridRow[]> {
    const cols = await this.columns();
    const out: GridRow[] = [];
    for (const row of await this.rows.all()) {
      const texts = await this.cellsOf(row).allInnerTexts();
      const rec: GridRow = {};
      cols.forEach((c, i) => {
        const label = COLUMN_BY_LOWER.get(c);
        if (label) rec[label] = (texts[i] ?? '').replace(/\s+/g, ' ').trim();
      });
      out.push(rec);
    }
    return out;
  }

  async visibleWorknos(): Promise<string[]> {
    return (await this.readRows()).map((r) => r['Work no.'] ?? '');
  }

  mediaBadge(workno: string, media: 'Voice/video' | 'Chat' | 'Email', signedIn: boolean): Locator {
    return this.row(workno).getByRole('listitem', {
      name: `${media}: ${signedIn ? 'signed in' : 'not signed in'}`,
    });
  }

  /** The threshold mark of a row: a meter named by its level plus the level's icon. */
  limitMeter(workno: string, level: 'warning' | 'critical'): Locator {
    return this.row(workno).getByRole('meter', { name: new RegExp(`past ${level} limit`) });
  }

  limitIcon(workno: string, level: 'Warning' | 'Critical'): Locator {
    return this.row(workno).getByRole('img', { name: level });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async filterByState(
    label: 'All states' | 'Idle' | 'Talking' | 'Wrap-up' | 'Busy' | 'Rest',
  ): Promise<void> {
    await this.stateFilter.selectOption({ label });
  }

  columnHeader(column: Column): Locator {
    return this.grid.getByRole('columnheader', { name: column });
  }

  /** Clicks a column's header button (again to flip the direction). */
  async sortBy(column: Column): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  /** Shows or hides a column through the "Columns" menu (toggle buttons). */
  async toggleColumn(column: Column): Promise<void> {
    const menu = this.page.getByText('Columns', { exact: true });
    await menu.click();
    const toggle = this.page
      .getByRole('group', { name: 'Visible columns' })
      .getByRole('button', { name: column, exact: true });
    const was = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    await expect(toggle).not.toHaveAttribute('aria-pressed', was ?? '');
    await menu.click();
  }
}

const COLUMN_BY_LOWER = new Map<string, Column>(
  (
    [
      'Name',
      'Work no.',
      'State',
      'Time in state',
      'Signed in',
      'Media',
      'Phone',
      'Group',
      'VDN',
      'Reason',
      'Other queues',
    ] as const
  ).map((c) => [c.toLowerCase(), c]),
);
