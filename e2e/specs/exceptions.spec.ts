import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('exceptions on the large floor', () => {
  test.use({ stackOptions: { scenario: 'large', users: 'demo' } });

  test('the agent stuck in wrap-up for 20 minutes is the first row, on the screen and the overview', async ({
    app,
  }) => {
    test.slow();
    await app.signInAs('supervisor');
    await app.api.liveSnapshot();
    await app.exceptions.open();
    // 8,800 agents: the first snapshot takes a while to arrive on a shared machine.
    await app.shell.expectLive(60_000);
    const first = app.exceptions.rows.first();
    await expect(first).toHaveAttribute('data-workno', '24242', { timeout: 20_000 });
    await expect(first).toContainText('Wrap-up');
    // The broken limit is named, not only coloured.
    await expect(first).toHaveAttribute('data-level', 'crit');

    // Through the menu: the live data stays, no second 8,800-agent snapshot.
    await app.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queues' })
      .click();
    await expect(app.exceptions.panelRows.first()).toHaveAttribute('data-workno', '24242', {
      timeout: 20_000,
    });
    // The row links to the agent in one of its queues.
    await app.exceptions.panelRows.first().getByRole('link').first().click();
    await expect(app.page).toHaveURL(/\/queues\/\d+\?agent=24242/);
  });
});

test.describe("a team lead's exceptions", () => {
  test.use({ stackOptions: { scenario: 'small', users: 'file' } });

  test('hold only agents of their queues', async ({ app }) => {
    const lead = app.stack.accounts.teamlead!;
    await app.signInAs('teamlead');
    const inScope = (await app.api.liveSnapshot()).queues
      .filter((q) => lead.queues.includes(q.skillId))
      .flatMap((q) => q.agents)
      .find((w) => w !== '2001')!;
    await app.signInAs('admin');
    const before = (await app.api.settings()).limits.states;
    await app.api.setSiteStateLimits({ ...before, wrapup: { warnSec: 1, critSec: 2 } });
    try {
      // 2001 is only in Billing, outside the lead's queues.
      await app.stack.sim.setAgentState('2001', STATUS.wrapup);
      await app.stack.sim.setAgentState(inScope, STATUS.wrapup);

      // The supervisor (all queues) sees both past the limit…
      await app.signInAs('supervisor');
      await app.exceptions.open();
      await expect(app.exceptions.row('2001')).toHaveCount(1, { timeout: 15_000 });
      await expect(app.exceptions.row(inScope)).toHaveCount(1);

      // …the team lead only their own.
      await app.signInAs('teamlead');
      await app.exceptions.open();
      await expect(app.exceptions.row(inScope)).toHaveCount(1, { timeout: 15_000 });
      await expect(app.exceptions.row(inScope)).toContainText('Wrap-up');
      await expect(app.exceptions.row('2001')).toHaveCount(0);
    } finally {
      await app.signInAs('admin');
      await app.api.setSiteStateLimits(before);
    }
  });
});
