import { SIGN_IN_ROUTES } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

// The seed floor is static, so the rows that must stay on screen are known. Faults are cleared
// after each test, and each test starts by waiting for live data.
test.use({ stackOptions: { scenario: 'seed', users: 'demo' } });

test.describe('gateway faults', () => {
  test.beforeEach(async ({ app }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('voice_liukai');
    await app.shell.expectLive();
  });

  test('5xx answers: stale banner in plain words, rows kept, then live again', async ({ app }) => {
    await app.stack.sim.addFault({
      kind: 'http-error',
      route: 'queryAllOnlineAgents',
      status: 503,
    });
    await app.shell.expectStale(15_000, /^Can't reach the phone system since \d\d:\d\d$/);
    // The code and the raw message are there for whoever reports it, behind a disclosure.
    expect(await app.shell.readTechnicalDetails()).toMatch(/HTTP_503/);
    await expect(app.queue.rows).toHaveCount(2);
    await expect(app.queue.row('2007')).toBeVisible();

    await app.stack.sim.clearFaults();
    await app.shell.expectLive();
    await expect(app.shell.main).toHaveAttribute('data-stale', 'false');
    await expect(app.queue.rows).toHaveCount(2);
  });

  test('a hung gateway: stale banner, rows kept, then live again', async ({ app }) => {
    await app.stack.sim.addFault({ kind: 'hang', route: 'queryAllOnlineAgents' });
    await app.shell.expectStale();
    await expect(app.queue.rows).toHaveCount(2);

    await app.stack.sim.clearFaults();
    await app.shell.expectLive();
    await expect(app.queue.rows).toHaveCount(2);
  });

  test('expired gateway sessions that cannot be renewed yet: stale, then live after re-sign-in', async ({
    app,
  }) => {
    // Hold the BFF's re-sign-in off so the gap is visible, then let it through.
    for (const route of SIGN_IN_ROUTES)
      await app.stack.sim.addFault({ kind: 'http-error', route, status: 503 });
    await app.stack.sim.expireSessions();
    await app.shell.expectStale();
    await expect(app.queue.rows).toHaveCount(2);

    await app.stack.sim.clearFaults();
    await app.shell.expectLive(20_000);
    await expect(app.queue.rows).toHaveCount(2);
  });
});

test.describe('a permissions error', () => {
  // The BFF may wait minutes before it probes a refused right again: a stack of its own, so the
  // tests after this one start on a healthy gateway.
  test.use({ stackOptions: { scenario: 'seed', users: 'demo', perTest: true } });

  test('300-001 says "No permission to read agent data", not "unreachable"', async ({ app }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('voice_liukai');
    await app.shell.expectLive();
    await app.stack.sim.addFault({
      kind: 'retcode',
      route: 'queryAllOnlineAgents',
      retcode: '300-001',
    });
    await app.shell.expectStale(15_000, /^No permission to read agent data/);
    await expect(app.shell.staleBanner).toContainText(/administrator/);
    await expect(app.shell.staleBanner).not.toContainText(/unreachable/i);
    expect(await app.shell.readTechnicalDetails()).toMatch(/300-001/);
    await expect(app.queue.rows).toHaveCount(2);
  });
});
