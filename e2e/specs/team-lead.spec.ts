import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.use({ stackOptions: { scenario: 'small', users: 'file' } });

test.describe('team lead scope', () => {
  test('a team lead sees only their queues, and never an agent only in another queue', async ({
    app,
  }) => {
    const lead = app.stack.accounts.teamlead!;
    // 2001 is only in Billing (1); the lead has Web Chat (4) and Email Care (6).
    await app.stack.sim.setAgentState('2001', STATUS.talking);
    await app.signInAs('teamlead');
    const snap = await app.api.liveSnapshot();
    expect(snap.queues.map((q) => q.skillId).sort()).toEqual([...lead.queues].sort());
    expect(snap.agents.map((a) => a.workno)).not.toContain('2001');
    const inScope = new Set(snap.queues.flatMap((q) => q.agents));
    for (const a of snap.agents) expect(inScope.has(a.workno), `agent ${a.workno}`).toBe(true);

    await app.overview.open();
    await app.shell.expectLive();
    await expect(app.overview.tiles).toHaveCount(2);
    await expect(app.overview.tile('Web Chat')).toBeVisible();
    await expect(app.overview.tile('Email Care')).toBeVisible();
    await expect(app.overview.tile('Billing')).toHaveCount(0);

    await app.overview.openQueue('Web Chat');
    await app.queue.expectLoaded('Web Chat');
    await app.queue.searchFor('2001');
    await expect(app.queue.rows).toHaveCount(0);

    // A queue outside the lead's scope is not shown, even by its URL.
    await app.queue.open(1);
    await expect(app.queue.notAvailable).toBeVisible();
    await expect(app.queue.grid).toHaveCount(0);
  });
});
