import { expect, type Locator, type Page } from '@playwright/test';

export interface WallOpenParams {
  queues?: number[];
  rotateSec?: number;
  view?: 'tiles' | 'queue';
  token?: string;
}

/**
 * The unattended wall display (/wall): queue tiles on pages that turn by themselves, or one queue
 * at a time; signs in from a link token.
 */
export class WallPage {
  /** The queue in focus (one at a time) is the page's only level-1 heading. */
  readonly focusHeading: Locator;
  /** "Page 2 of 9" (tiles) or "Queue 1 of 2" (one at a time), in the header. */
  readonly position: Locator;
  readonly header: Locator;
  readonly title: Locator;
  readonly clock: Locator;
  readonly freshness: Locator;
  readonly alert: Locator;
  readonly tiles: Locator;
  /** The figures of all queues on the display (agents counted once). */
  readonly floor: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.focusHeading = page.getByRole('heading', { level: 1 });
    this.header = page.getByRole('banner');
    this.position = this.header.getByText(/^(Page|Queue) \d+ of \d+$/);
    this.title = this.header.getByText('Floorwatch', { exact: true });
    this.clock = this.header.getByText(/^\d\d:\d\d:\d\d$/);
    this.freshness = page.getByRole('status', { name: 'Data freshness' });
    this.alert = page.getByRole('alert');
    this.tiles = page.getByRole('article');
    this.floor = page.getByRole('region', { name: 'All queues on this display' });
  }

  async open(params: WallOpenParams = {}): Promise<void> {
    const q = new URLSearchParams();
    if (params.queues) q.set('queues', params.queues.join(','));
    if (params.rotateSec) q.set('rotate', String(params.rotateSec));
    if (params.view) q.set('view', params.view);
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

  /** A figure of all queues ("Signed in", "Idle", …) and its value. */
  floorFigure(label: string): { box: Locator; value: Locator } {
    const box = this.floor.getByRole('group', { name: label, exact: true });
    return { box, value: box.getByRole('definition') };
  }

  /** The queue names on the page on screen, in order. */
  async tileNames(): Promise<string[]> {
    return this.tiles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** Where each tile on screen is, px. */
  async tileBoxes(): Promise<{ x: number; y: number; width: number; height: number }[]> {
    const out = [];
    for (const t of await this.tiles.all()) {
      const b = await t.boundingBox();
      if (b) out.push(b);
    }
    return out;
  }

  /** The size of a tile's queue name, px: type scales with the screen. */
  async tileNameSize(queueName: string): Promise<number> {
    return this.tile(queueName)
      .getByRole('heading')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  }

  /** Someone at the display turns the page with the keyboard. */
  async nextPage(): Promise<void> {
    await this.page.keyboard.press('ArrowRight');
  }

  async expectLive(timeout = 15_000): Promise<void> {
    await expect(this.freshness).toContainText(/^Live · updated/, { timeout });
  }

  /** Title, freshness, page and clock all on screen, in a header that stayed a header. */
  async expectHeaderWhole(opts: { paged: boolean }): Promise<void> {
    const viewport = this.page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const parts = [this.title, this.freshness, this.clock, ...(opts.paged ? [this.position] : [])];
    for (const part of parts) {
      await expect(part).toBeVisible();
      await expect(part).toBeInViewport({ ratio: 1 });
    }
    const header = await this.header.boundingBox();
    expect(header, 'header box').not.toBeNull();
    expect(header!.height, 'header height').toBeLessThan(viewport.height * 0.15);
  }

  /**
   * How far a value is from the inner edge of its box, px (negative: it overflows). Measured in
   * the browser: the value's right edge against the box's right edge minus its padding.
   */
  async valueClearance(value: Locator): Promise<number> {
    return value.evaluate((el) => {
      const box = el.closest('[role="group"]');
      if (!box) throw new Error('value outside a figure box');
      const b = box.getBoundingClientRect();
      const padRight = parseFloat(getComputedStyle(box).paddingRight);
      // The ink of the text, not the dd (a block as wide as the box).
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const overflow = el.scrollWidth - el.clientWidth;
      return overflow > 0 ? -overflow : b.right - padRight - text.right;
    });
  }
}
