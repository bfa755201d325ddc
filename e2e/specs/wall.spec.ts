import { STATUS } from '../fixtures/sim-control';
import { publishNewRelease } from '../fixtures/run-dir';
import { expect, test } from '../fixtures/test';

/** Technical text that must never reach a TV on the floor. */
const TECHNICAL = /ECONN|socket hang up|within \d+ ms|127\.0\.0\.1|HTTP \d{3}|\d{3}-\d{3}/;

test.describe('wall display', () => {
  test('rotates through the queues in its link, one at a time', async ({ app }) => {
    await app.signInAs('supervisor');
    // 5 s is the shortest rotation the wall accepts (shorter values are raised to it).
    const rotateSec = 5;
    await app.wall.open({ queues: [1, 2], rotateSec });
    await app.wall.expectLive();
    // A queue past a critical limit is shown first, so either may come first.
    const names = ['Billing', 'Technical Support'];
    await expect(app.wall.focusHeading).toHaveText(new RegExp(`^(${names.join('|')})$`));
    const first = (await app.wall.focusHeading.textContent()) ?? '';
    const second = names.find((n) => n !== first)!;
    await expect(app.wall.position).toHaveText('Queue 1 of 2');
    await expect(app.wall.agentsOf(first).getByRole('listitem').first()).toBeVisible();

    const within = { timeout: (rotateSec + 3) * 1000 };
    await expect(app.wall.focusHeading).toHaveText(second, within);
    await expect(app.wall.position).toHaveText('Queue 2 of 2');
    await expect(app.wall.focusHeading).toHaveText(first, within);
  });

  test('a wallboard link signs the display in without a password', async ({ app, page }) => {
    expect(await app.api.me()).toBeNull();
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();
    await expect(page).toHaveURL(/\/wall\?/);
    await expect(app.login.password).toHaveCount(0);
    expect(await app.api.me()).toMatchObject({ role: 'wallboard' });
  });

  test('a display whose session ends signs itself back in with its link', async ({ app, page }) => {
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();
    const before = await app.api.me();
    expect(before).toMatchObject({ role: 'wallboard' });

    await app.api.signOut();
    // Nobody is there to type a password: the display must come back by itself.
    await expect.poll(() => app.api.me(), { timeout: 20_000 }).toMatchObject({ role: 'wallboard' });
    await app.wall.expectLive(20_000);
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await expect(page).toHaveURL(/\/wall\?/);
  });

  test('a display reloads itself when a new release is served', async ({ app, page }) => {
    await page.clock.install();
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1] });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive();

    const restore = publishNewRelease(test.info().testId);
    try {
      const reloaded = page.waitForEvent('load');
      // The display checks the served release every few minutes; jump ahead instead of waiting.
      await page.clock.fastForward('05:00');
      await reloaded;
      await expect(app.wall.focusHeading).toHaveText('Billing');
    } finally {
      restore();
    }
  });

  test('a wall link that is not valid says so, and what to do, within 5 s', async ({ app }) => {
    await app.wall.open({ token: 'this-link-was-replaced-0123456789' });
    const fiveSeconds = { timeout: 5_000 };
    await expect(app.wall.alert).toContainText('This wall link is not valid', fiveSeconds);
    await expect(app.wall.alert).toContainText('Ask an administrator for a new wall link');
    await expect(app.wall.freshness).toHaveCount(0);

    // A link cut short (too short to be a token) is not valid either, rather than a sign-in form.
    await app.wall.open({ token: 'abc' });
    await expect(app.wall.alert).toContainText('This wall link is not valid', fiveSeconds);
  });

  test('a display whose link stopped working says so instead of reconnecting forever', async ({
    app,
  }) => {
    // Signed in (as it was before the link was replaced), showing the floor.
    await app.signInAs('supervisor');
    await app.wall.open({ token: 'this-link-was-replaced-0123456789', queues: [1] });
    await app.wall.expectLive();

    await app.api.signOut();
    await expect(app.wall.alert).toContainText('This wall link is not valid', { timeout: 5_000 });
    await expect(app.wall.alert).toContainText('Ask an administrator for a new wall link');
  });

  test('a display that starts while Floorwatch cannot be reached comes up by itself', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    // The network to Floorwatch is down when the TV boots.
    let down = true;
    await page.route('**/api/v1/me', (route) =>
      down ? route.abort('connectionrefused') : route.continue(),
    );
    await app.wall.open({ queues: [1] });
    await expect(page.getByRole('heading', { name: "Can't reach Floorwatch" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText('The display keeps trying by itself.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(TECHNICAL);

    down = false;
    await app.wall.expectLive(45_000);
    await expect(app.wall.focusHeading).toHaveText('Billing');
  });

  test('a gateway fault is said in plain words, with no technical detail', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await app.wall.open();
    await app.wall.expectLive();

    await app.stack.sim.addFault({ kind: 'drop', route: 'queryAllOnlineAgents' });
    await expect(app.wall.freshness).toHaveText(/^Can't reach the phone system since \d\d:\d\d$/, {
      timeout: 15_000,
    });
    await expect(app.wall.alert).toContainText(/The figures shown are from \d\d:\d\d/);
    await expect(page.locator('body')).not.toContainText(TECHNICAL);

    await app.stack.sim.addFault({
      kind: 'http-error',
      route: 'queryAllOnlineAgents',
      status: 502,
    });
    await expect(page.locator('body')).not.toContainText(TECHNICAL);
    await app.stack.sim.clearFaults();
    await app.wall.expectLive();
    await expect(app.wall.alert).toHaveCount(0);
  });

  test('at 3840×2160 the tiles fill the screen and the type scales with it', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.wall.open();
    await app.wall.expectLive();
    await expect(app.wall.tiles).toHaveCount(6);
    const hdName = await app.wall.tileNameSize('Billing');

    await page.setViewportSize({ width: 3840, height: 2160 });
    await expect(app.wall.tiles).toHaveCount(6);
    await expect.poll(() => app.wall.tileNameSize('Billing')).toBeGreaterThan(hdName * 1.9);
    const boxes = await app.wall.tileBoxes();
    expect(Math.max(...boxes.map((b) => b.y + b.height)), 'tiles reach the bottom').toBeGreaterThan(
      2160 * 0.95,
    );
    expect(Math.max(...boxes.map((b) => b.x + b.width)), 'tiles reach the right').toBeGreaterThan(
      3840 * 0.97,
    );
    await app.wall.expectHeaderWhole({ paged: false });
  });

  test('in portrait (1080×1920) the tiles get a layout of their own', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await app.wall.open();
    await app.wall.expectLive();
    await expect(app.wall.tiles).toHaveCount(6);
    const boxes = await app.wall.tileBoxes();
    const columns = new Set(boxes.map((b) => Math.round(b.x))).size;
    const rows = new Set(boxes.map((b) => Math.round(b.y))).size;
    expect(rows, 'more rows than columns').toBeGreaterThan(columns);
    expect(Math.max(...boxes.map((b) => b.y + b.height)), 'tiles reach the bottom').toBeGreaterThan(
      1920 * 0.95,
    );
    await app.wall.expectHeaderWhole({ paged: false });
    // Each state in a tile's list keeps its medium's word whole ("Handling email" on the email
    // queue, not "Handlin…").
    // Rows a tile has no room for are hidden whole; the ones shown must be whole too.
    const states = app.wall.tiles.locator('[data-state-name]:visible');
    await expect(states.first()).toBeVisible();
    const cut = await states.evaluateAll((names) =>
      names
        .filter((n) => n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1)
        .map((n) => (n as HTMLElement).innerText),
    );
    expect(cut, 'state names cut in portrait').toEqual([]);
  });
});

test.describe('wall display on a 500-queue floor', () => {
  test.use({ stackOptions: { scenario: 'large', users: 'demo' } });
  // 10,000 agents: the first snapshot takes a few seconds to arrive and draw.
  test.slow();

  test('every queue is reachable through pages that say "page X of Y", under a whole header', async ({
    app,
    page,
  }) => {
    // Twenty-odd pages read one by one on a shared two-core machine.
    test.setTimeout(240_000);
    await app.signInAs('supervisor');
    const snap = await app.api.liveSnapshot();
    await page.setViewportSize({ width: 1920, height: 1080 });
    // A long page time: this test turns the pages itself.
    await app.wall.open({ rotateSec: 3600 });
    await app.wall.expectLive(30_000);
    await expect(app.wall.position).toHaveText(/^Page 1 of \d+$/);
    const pages = Number(/of (\d+)/.exec((await app.wall.position.textContent()) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(1);
    await app.wall.expectHeaderWhole({ paged: true });

    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      // The page count and its tiles change in one render.
      await expect(app.wall.position).toHaveText(`Page ${p} of ${pages}`);
      seen.push(...(await app.wall.tileNames()));
      if (p < pages) await app.wall.nextPage();
    }
    expect(seen.sort()).toEqual(snap.queues.map((q) => q.name).sort());
    await app.wall.expectHeaderWhole({ paged: true });
  });

  test('a queue past a critical limit is on page 1, and pages turn by themselves', async ({
    app,
    page,
  }) => {
    // Limits are shared and only an admin changes them; they are put back at the end.
    await app.signInAs('admin');
    const before = (await app.api.settings()).limits.states;
    // Only an agent in an unknown state for 2 s is critical: no other queue is (nor a reason).
    const reasonsBefore = await app.api.setReasonLimits(() => null);
    await app.settings.open();
    for (const state of ['talking', 'wrapup', 'busy', 'rest'] as const)
      await app.settings.setLimit(state, 86_000, 86_400);
    await app.settings.setLimit('unknown', 1, 2);
    await app.settings.saveLimits();

    // An agent of the last queue (page Y without critical-first).
    const snap = await app.api.liveSnapshot();
    const last = [...snap.queues].sort((a, b) => a.skillId - b.skillId).at(-1)!;
    const workno = last.agents[0]!;
    const skills = snap.agents.find((a) => a.workno === workno)!.skills;
    const critical = snap.queues
      .filter((q) => skills.includes(q.skillId))
      .sort((a, b) => a.skillId - b.skillId)
      .map((q) => q.name);
    await app.stack.sim.setAgentState(workno, STATUS.unknown);
    await expect
      .poll(
        async () => {
          const s = await app.api.snapshot();
          const a = s.agents.find((x) => x.workno === workno);
          return a?.state === 'unknown' ? s.serverTime - a.stateSince : 0;
        },
        { message: 'the agent past the critical limit', timeout: 15_000 },
      )
      .toBeGreaterThan(2_500);

    await page.setViewportSize({ width: 1920, height: 1080 });
    const rotateSec = 5;
    await app.wall.open({ rotateSec });
    await app.wall.expectLive(30_000);
    await expect(app.wall.position).toHaveText(/^Page 1 of \d+$/);
    const pages = ((await app.wall.position.textContent()) ?? '').replace('Page 1 ', '');
    await expect(app.wall.tile(last.name).getByLabel('1 past critical limit')).toBeVisible();
    // Page 1 holds the agent's queues: other queues may be critical too on a busy floor (an
    // agent of its own in an unknown state), so this asks for page 1, not for the first tiles.
    expect(await app.wall.tileNames()).toEqual(expect.arrayContaining(critical));

    await expect(app.wall.position).toHaveText(`Page 2 ${pages}`, {
      timeout: (rotateSec + 5) * 1000,
    });
    await app.wall.expectHeaderWhole({ paged: true });
    await app.api.setSiteStateLimits(before);
    await app.api.setReasonLimits((code) => reasonsBefore.get(code) ?? null);
  });

  test("every tile shows its figures' names in full on a landscape, a 4K and a portrait wall", async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
      { width: 1080, height: 1920 },
    ]) {
      await page.setViewportSize(viewport);
      await app.wall.open();
      await app.wall.expectLive(30_000);
      await expect(app.wall.tiles.first().locator('[data-kpi] dt').first()).toBeVisible();
      // A name is cut when its text needs more room than its box gives (an ellipsis, or lines
      // hidden below it); and the room it takes must not push the tile's last line (its limit
      // marks) out of the tile.
      const cut = await app.wall.tiles.evaluateAll((tiles) =>
        tiles.flatMap((t) => [
          ...[...t.querySelectorAll('*')]
            .filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() !== '')
            .filter(
              (el) => el.getBoundingClientRect().bottom > t.getBoundingClientRect().bottom + 1,
            )
            .map((el) => `${el.textContent} (below the tile)`),
          ...[...t.querySelectorAll<HTMLElement>('[data-kpi] dt')]
            .filter(
              (dt) => dt.scrollWidth > dt.clientWidth + 1 || dt.scrollHeight > dt.clientHeight + 1,
            )
            .map((dt) => dt.innerText),
        ]),
      );
      const shown = await app.wall.tiles.locator('[data-kpi] dt').count();
      expect(shown, `names on the wall at ${viewport.width}×${viewport.height}`).toBeGreaterThan(0);
      expect([...new Set(cut)], `cut at ${viewport.width}×${viewport.height}`).toEqual([]);
    }
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ]) {
    test(`four- and five-digit counts stay inside their boxes at ${viewport.width}×${viewport.height}`, async ({
      app,
      page,
    }) => {
      await app.signInAs('supervisor');
      await page.setViewportSize(viewport);
      await app.wall.open();
      await app.wall.expectLive(30_000);
      await expect(app.wall.floorFigure('Signed in').value).toHaveText(/^\d{1,2},\d{3}$/);
      for (const label of ['Signed in', 'Idle', 'Talking', 'Rest']) {
        const { value } = app.wall.floorFigure(label);
        await expect(value).toHaveText(/\d/);
        expect(
          await app.wall.valueClearance(value),
          `${label}: room left in its box`,
        ).toBeGreaterThan(0);
      }
    });
  }
});
