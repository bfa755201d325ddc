import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('time limits', () => {
  test('limits an admin sets in the UI mark rows past them with an icon and a named bar, not colour alone', async ({
    app,
  }) => {
    const { sim } = app.stack;
    await app.signInAs('admin');
    const before = (await app.api.settings()).limits.states;
    await app.settings.open();
    await app.settings.setLimit('wrapup', 1, 2);
    await app.settings.setLimit('rest', 1, 3600);
    await app.settings.saveLimits();

    await sim.setAgentState('2004', STATUS.wrapup);
    await sim.setAgentState('2006', STATUS.rest);
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');

    // Wrap-up past 2 s: critical.
    await expect(await app.queue.cell('2004', 'State')).toHaveText('Wrap-up');
    await expect(app.queue.limitMeter('2004', 'critical')).toBeVisible({ timeout: 10_000 });
    await expect(app.queue.limitIcon('2004', 'Critical')).toBeVisible();
    // Rest past 1 s but far from an hour: warning.
    await expect(await app.queue.cell('2006', 'State')).toHaveText('Rest');
    await expect(app.queue.limitMeter('2006', 'warning')).toBeVisible({ timeout: 10_000 });
    await expect(app.queue.limitIcon('2006', 'Warning')).toBeVisible();
    await expect(app.queue.limitIcon('2006', 'Critical')).toHaveCount(0);

    // The queue's tile on the overview counts them too.
    await app.overview.open();
    await expect(app.overview.tile('Billing')).toContainText(/\d+ past critical limit/);

    // The limits are shared: put back the ones other journeys on this stack expect.
    await app.api.setSiteStateLimits(before);
  });
});
