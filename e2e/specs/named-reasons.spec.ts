import type { Queue } from '@floorwatch/contracts/api';
import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('named reasons and shared limits', () => {
  test('an admin names a reason and gives it a limit; a wall shows the name and the limit', async ({
    app,
    page,
  }) => {
    await app.signInAs('admin');
    await app.settings.nameReason(77, 'Coaching', 1, 2);
    // 2006 (Billing) rests for reason 77.
    await app.stack.sim.setAgentState('2006', STATUS.rest, 77);

    // The display signs itself in with its link, as on a wall.
    await app.api.signOut();
    await app.wall.open({ token: app.stack.accounts.wallToken, queues: [1], view: 'queue' });
    await expect(app.wall.focusHeading).toHaveText('Billing');
    await app.wall.expectLive(30_000);
    const card = page.locator('li[data-workno="2006"]');
    await expect(card).toContainText('Coaching');
    // Past the reason's own 2-second limit, the card names it.
    await expect(card).toContainText('Coaching limit 0:02', { timeout: 15_000 });
    await expect(card).toHaveAttribute('data-level', 'crit');
  });
});

test.describe('queue KPIs', () => {
  test('a tile shows the service level the gateway reports, as a percentage', async ({ app }) => {
    await app.signInAs('supervisor');
    // The simulator reports a service level once a queue has offered calls.
    let q: Queue | undefined;
    await expect
      .poll(
        async () => {
          q = (await app.api.snapshot()).queues.find((x) => x.serviceLevel !== null);
          return q?.name ?? null;
        },
        { message: 'a queue with a service level', timeout: 45_000 },
      )
      .not.toBeNull();
    await app.overview.open();
    await expect(app.overview.tile(q!.name)).toContainText(/Service level\s*\d+(\.\d)?\s?%/);
  });
});
