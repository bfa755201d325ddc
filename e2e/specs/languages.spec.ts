// Issue 14: the main paths in Simplified Chinese and in English. Each journey runs against the
// simulator's centre in that language (SIM_LOCALE=zh-CN: a Chinese bank), with the browser set
// to the language and, for Chinese, the floor's zone; every control is found by the words the
// SPA's own catalogue gives it in that language.
import { buildScenario } from '@floorwatch/gateway-sim';
import type { Page } from '@playwright/test';
import type { BffApi } from '../fixtures/bff-api';
import { STATUS } from '../fixtures/sim-control';
import { words, type Lang } from '../fixtures/words';
import { expect, test } from '../fixtures/test';

/** Latin words a Chinese screen may show: the product's name and the gateway's own acronyms. */
const LATIN_OK = new Set(['Floorwatch', 'VDN', 'CTI', 'CSV', 'English', 'GMT', 'UTC']);

/**
 * Every Latin word on screen that is not a name or code (empty on a fully Chinese screen).
 * `own`: words the user brought (their user name). Content marked translate="no" (stored values
 * shown verbatim, such as the audit log's before and after) is data, not words.
 */
async function englishOnScreen(page: Page, own: readonly string[] = []): Promise<string[]> {
  const text = await page.locator('body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const raw of copy.querySelectorAll('[translate="no"]')) raw.remove();
    // innerText of a detached copy has no layout: read its text with the hidden parts removed.
    for (const hidden of copy.querySelectorAll('script, style, template')) hidden.remove();
    return copy.textContent ?? '';
  });
  const found = text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [];
  return [...new Set(found.filter((w) => !LATIN_OK.has(w) && !own.includes(w)))];
}

/**
 * Elements whose content runs out of their box in the areas a user reads (header, tiles, cards,
 * figures, rows): wider than the box, text cut at the top or bottom by a box that clips, or text
 * drawn over other text.
 * Scroll areas are exempt; so is a list that drops whole rows by design (its rows hold no text
 * of their own).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const roots = document.querySelectorAll(
      'header, article, [data-workno], [data-kpi], [role="group"], nav, h1, h2',
    );
    const ownText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const seen = new Set<Element>();
    for (const root of roots)
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (seen.has(el) || !(el instanceof HTMLElement)) continue;
        seen.add(el);
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('.sr-only')) continue;
        const what = () => `${el.tagName.toLowerCase()} "${el.innerText.slice(0, 40)}"`;
        if (cs.overflowX !== 'auto' && cs.overflowX !== 'scroll')
          if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
            out.push(`${what()} ${el.scrollWidth}>${el.clientWidth} wide`);
        const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
        if (clipsY && ownText(el) && el.scrollHeight > el.clientHeight + 1)
          out.push(`${what()} ${el.scrollHeight}>${el.clientHeight} high`);
        // Text a clipping box around it cuts through (a row half shown).
        if (ownText(el)) {
          const r = el.getBoundingClientRect();
          for (let a = el.parentElement; a; a = a.parentElement) {
            const o = getComputedStyle(a).overflowY;
            if (o !== 'hidden' && o !== 'clip') continue;
            const box = a.getBoundingClientRect();
            if (r.top < box.bottom - 1 && r.bottom > box.bottom + 1)
              out.push(`${what()} cut by the box below it`);
            break;
          }
        }
      }
    // Text drawn over other text (rows squeezed into too little height).
    for (const root of document.querySelectorAll('header, article, [data-workno]')) {
      const boxes = [...root.querySelectorAll('*')]
        .filter((el) => ownText(el) && !el.closest('.sr-only'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 2 && y > 2)
            out.push(
              `"${a.el.textContent?.slice(0, 20)}" over "${b.el.textContent?.slice(0, 20)}"`,
            );
        }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      out.push(`page ${document.documentElement.scrollWidth}>${window.innerWidth}`);
    return out;
  });
}

const CHINESE_STACK = {
  scenario: 'small' as const,
  users: 'demo' as const,
  env: { SIM_LOCALE: 'zh-CN', FLOORWATCH_TIME_ZONE: 'Asia/Shanghai' },
};

for (const lang of ['en', 'zh-CN'] as const satisfies readonly Lang[]) {
  const w = words(lang);
  const centre = buildScenario('small', lang);
  const queues = centre.skills.map((q) => q.name);
  const agents = new Set(centre.agents.map((a) => a.name));

  test.describe(`in ${lang === 'en' ? 'English' : 'Simplified Chinese'}`, () => {
    test.use({
      locale: lang === 'en' ? 'en-GB' : 'zh-CN',
      timezoneId: lang === 'en' ? 'UTC' : 'Asia/Shanghai',
      stackOptions: lang === 'en' ? { scenario: 'small', users: 'demo' } : CHINESE_STACK,
    });

    test('sign in, the overview, a queue, the exceptions and the wall', async ({ app, page }) => {
      const { supervisor } = app.stack.accounts;
      const live = w.pattern('fresh.live');
      const freshness = page.getByRole('status', { name: w.t('fresh.region') });

      // Sign in on a card in the browser's language.
      await page.goto(`${app.stack.url}/`);
      await expect(page).toHaveURL(/\/login\?/);
      await page.getByLabel(w.t('login.username')).fill(supervisor.username);
      await page.getByLabel(w.t('login.password')).fill(supervisor.password);
      await page.getByRole('button', { name: w.t('login.submit') }).click();

      // The overview: every queue of the centre by its own name, live.
      const heading = page.getByRole('heading', { level: 1, name: w.t('overview.heading') });
      await expect(heading).toBeVisible();
      await expect(freshness).toHaveText(live, { timeout: 15_000 });
      const tiles = page.getByRole('main').getByRole('article');
      await expect(tiles).toHaveCount(queues.length, { timeout: 20_000 });
      for (const name of queues)
        await expect(tiles.getByRole('link', { name, exact: true })).toBeVisible();
      await expect(page.getByText(w.pattern('overview.count.once'))).toBeVisible();
      if (lang === 'zh-CN') expect(await englishOnScreen(page, [supervisor.username])).toEqual([]);

      // A queue: its agents by name, states in the language's words.
      const first = queues[0]!;
      await tiles.getByRole('link', { name: first, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
      const grid = page.getByRole('table', { name: w.t('grid.table') });
      const rows = grid.getByRole('rowheader');
      await expect(rows.first()).toBeVisible();
      for (const name of await rows.allInnerTexts()) expect(agents, name).toContain(name);
      const stateWords = ['idle', 'talking', 'wrapup', 'busy', 'rest', 'prerest'].map((s) =>
        w.t(`state.${s}`),
      );
      await expect(
        grid
          .getByRole('cell')
          .filter({ hasText: new RegExp(stateWords.join('|')) })
          .first(),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: w.t('grid.export') })).toBeVisible();
      if (lang === 'zh-CN') expect(await englishOnScreen(page, [supervisor.username])).toEqual([]);

      // Exceptions, from the main navigation.
      await page
        .getByRole('navigation', { name: w.t('nav.main') })
        .getByRole('link', { name: w.t('nav.exceptions') })
        .click();
      await expect(
        page.getByRole('heading', { level: 1, name: w.t('exceptions.title') }),
      ).toBeVisible();
      await expect(page.getByText(w.t('exceptions.intro'))).toBeVisible();
      await expect(page.getByLabel(w.t('exceptions.show'))).toBeVisible();
      if (lang === 'zh-CN') expect(await englishOnScreen(page, [supervisor.username])).toEqual([]);

      // The wall display: every queue as a tile, live, in the same language.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${app.stack.url}/wall`);
      await expect(page.getByRole('status', { name: w.t('wall.freshness') })).toHaveText(live, {
        timeout: 15_000,
      });
      for (const name of queues)
        await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
      await expect(
        page.getByRole('region', { name: w.t('wall.floor') }).getByText(w.t('kpi.waiting')),
      ).toBeVisible();
      if (lang === 'zh-CN') expect(await englishOnScreen(page, [supervisor.username])).toEqual([]);
    });
  });
}

test.describe('Simplified Chinese on every other screen', () => {
  const w = words('zh-CN');
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', stackOptions: CHINESE_STACK });

  test('limits, admin, agent detail, trend, saved views and sign-in show no English', async ({
    app,
    page,
  }) => {
    const { admin } = app.stack.accounts;
    const own = [admin.username, ...admin.username.split('-')];
    await app.signInAs('admin');
    const screens: [string, () => Promise<void>][] = [
      [
        '/settings',
        () =>
          expect(
            page.getByRole('heading', { level: 1, name: w.t('limits.heading') }),
          ).toBeVisible(),
      ],
      [
        '/admin/reasons',
        () => expect(page.getByRole('region', { name: w.t('reasons.list') })).toBeVisible(),
      ],
      [
        '/admin/groups',
        () => expect(page.getByRole('region', { name: w.t('groups.list') })).toBeVisible(),
      ],
      [
        '/admin/wall-links',
        () => expect(page.getByRole('heading', { name: w.t('wall-links.new-link') })).toBeVisible(),
      ],
      [
        '/admin/audit',
        () => expect(page.getByRole('table', { name: w.t('audit.caption') })).toBeVisible(),
      ],
      ['/queues/1?agent=2001', () => expect(page.getByRole('dialog')).toBeVisible()],
      [
        '/queues/1?trend=1',
        () => expect(page.getByText(w.t('trend.agents'))).toBeVisible({ timeout: 20_000 }),
      ],
    ];
    for (const [path, ready] of screens) {
      await page.goto(`${app.stack.url}${path}`);
      await ready();
      expect(await englishOnScreen(page, own), path).toEqual([]);
    }
    await page.getByRole('button', { name: w.t('views.button') }).click();
    await expect(page.getByText(w.t('views.save-as'))).toBeVisible();
    expect(await englishOnScreen(page, own), 'saved views').toEqual([]);

    await app.api.signOut();
    await page.goto(`${app.stack.url}/`);
    await expect(page.getByRole('button', { name: w.t('login.submit') })).toBeVisible();
    expect(await englishOnScreen(page), 'sign-in').toEqual([]);
  });
});

test.describe('Simplified Chinese layout', () => {
  const w = words('zh-CN');
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', stackOptions: CHINESE_STACK });

  // Short limits as an admin: every screen at its fullest (limit marks, exceptions, the admin
  // link in the header); put back after each test, the stack is shared.
  let before: Awaited<ReturnType<BffApi['settings']>>['limits']['states'] | null = null;
  test.beforeEach(async ({ app }) => {
    await app.signInAs('admin');
    before = (await app.api.settings()).limits.states;
    await app.api.setSiteStateLimits({
      ...before,
      talking: { warnSec: 20, critSec: 60 },
      idle: { warnSec: 10, critSec: 40 },
    });
  });
  test.afterEach(async ({ app }) => {
    if (before) await app.api.setSiteStateLimits(before);
  });
  const exceptionRows = (page: Page) =>
    page.getByRole('list', { name: w.t('exceptions.list') }).getByRole('listitem');

  test('nothing runs out of its box at phone width (390 px)', async ({ app, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.stack.url}/`);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible({
      timeout: 20_000,
    });
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${app.stack.url}/queues/1`);
    await expect(page.getByRole('list', { name: w.t('cards.list') })).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${app.stack.url}/exceptions`);
    await expect(exceptionRows(page).first()).toBeVisible({ timeout: 20_000 });
    expect(await overflowing(page)).toEqual([]);
  });

  test('nothing runs out of its box at desk width (1440 px)', async ({ app, page }) => {
    await page.goto(`${app.stack.url}/`);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible({
      timeout: 20_000,
    });
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${app.stack.url}/queues/1`);
    await expect(page.getByRole('table', { name: w.t('grid.table') })).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${app.stack.url}/exceptions`);
    await expect(exceptionRows(page).first()).toBeVisible({ timeout: 20_000 });
    expect(await overflowing(page)).toEqual([]);
  });

  test('nothing runs out of its box on the wall (1920 × 1080)', async ({ app, page }) => {
    // The fullest tile: a queue with someone in each of six states, and agents past limits.
    const centre = buildScenario('small', 'zh-CN');
    const first = centre.skills[0]!;
    const members = centre.agents.filter((a) => a.skills.includes(first.id)).slice(0, 6);
    const statuses = [STATUS.idle, STATUS.talking, STATUS.wrapup, STATUS.busy, STATUS.rest, 9];
    for (const [i, a] of members.entries())
      await app.stack.sim.setAgentState(a.workno, statuses[i]!);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${app.stack.url}/wall`);
    await expect(page.getByRole('status', { name: w.t('wall.freshness') })).toHaveText(
      w.pattern('fresh.live'),
      { timeout: 15_000 },
    );
    // Every pinned state has reached the screen (the floor line counts them all).
    const floor = page.getByRole('region', { name: w.t('wall.floor') });
    await expect(floor.getByRole('group', { name: w.t('state.prerest') })).toBeVisible();
    await expect(
      page.getByRole('article', { name: first.name }).getByText(w.pattern('limit.past.crit')),
    ).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${app.stack.url}/wall?queues=1`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
  });
});
