import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.describe('live agent state', () => {
  test('a state set on the gateway appears within two poll intervals and its time restarts', async ({
    app,
  }) => {
    const { sim, pollMs } = app.stack;
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    const state = await app.queue.cell('2003', 'State');
    const time = await app.queue.cell('2003', 'Time in state');
    // Start from a known state that has been held for a while (set once the page is up, so a
    // slow page load cannot use up the seconds the time is read in).
    await sim.setAgentState('2003', STATUS.rest);
    await expect(state).toHaveText('Rest', { timeout: 2 * pollMs + 1500 });
    await expect(time).toHaveText(/^0:0[2-9]$/, { timeout: 12_000 });

    await sim.setAgentState('2003', STATUS.talking);
    const changedAt = Date.now();
    // Two poll intervals, plus a fixed allowance for the stream hop and rendering on a busy host.
    await expect(state).toHaveText('Talking', { timeout: 2 * pollMs + 1500 });
    const seenAfterMs = Date.now() - changedAt;
    test.info().annotations.push({ type: 'latency', description: `${seenAfterMs} ms` });
    await expect(time).toHaveText(/^0:0[0-2]$/);
    // …and keeps ticking on the shared clock.
    await expect(time).toHaveText(/^0:0[2-9]$/, { timeout: 8_000 });
  });

  test('a browser whose clock is wrong still shows the right time in state', async ({
    app,
    page,
  }) => {
    // Two hours and a bit fast: durations must come from the server's clock, not this one.
    await page.clock.install({ time: Date.now() + 2 * 3600_000 + 17_000 });
    await app.stack.sim.setAgentState('2009', STATUS.busy);
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    await expect(await app.queue.cell('2009', 'State')).toHaveText('Busy');
    await expect(await app.queue.cell('2009', 'Time in state')).toHaveText(/^0:[0-2]\d$/);
    await expect(app.shell.freshness).toContainText(/^Live · updated \d+ s ago/);
  });
});
