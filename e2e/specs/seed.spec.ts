import { STATUS } from '../fixtures/sim-control';
import { expect, test } from '../fixtures/test';

test.use({ stackOptions: { scenario: 'seed', users: 'demo' } });

test.describe('seed scenario (the documented allonlineagents example)', () => {
  test('agent 2007 is in both queues with chat on; 2005 is voice only', async ({ app }) => {
    await app.signInAs('supervisor');
    await app.overview.open();
    await app.shell.expectLive();
    await expect(app.overview.tileHeadings).toHaveText(['voice_liukai', 'chat_jinsitao']);
    // Two agents, three memberships: 2007 is counted once.
    await expect(app.overview.totals).toContainText('2 agents · 3 queue memberships · 2 queues');

    await app.overview.openQueue('voice_liukai');
    await app.queue.expectLoaded('voice_liukai');
    expect((await app.queue.visibleWorknos()).sort()).toEqual(['2005', '2007']);
    // 2007 has no name: the work number stands in.
    await expect(await app.queue.cell('2007', 'Name')).toHaveText('2007');
    await expect(await app.queue.cell('2007', 'Other queues')).toHaveText('also in 1 queue');
    await expect(app.queue.mediaBadge('2007', 'Voice/video', true)).toBeVisible();
    await expect(app.queue.mediaBadge('2007', 'Chat', true)).toBeVisible();
    await expect(app.queue.mediaBadge('2007', 'Email', false)).toBeVisible();
    await expect(await app.queue.cell('2005', 'Name')).toHaveText('liukai011');
    await expect(app.queue.mediaBadge('2005', 'Voice/video', true)).toBeVisible();
    await expect(app.queue.mediaBadge('2005', 'Chat', false)).toBeVisible();
    await expect(app.queue.mediaBadge('2005', 'Email', false)).toBeVisible();

    await app.queue.open(2);
    await app.queue.expectLoaded('chat_jinsitao');
    expect(await app.queue.visibleWorknos()).toEqual(['2007']);
    await expect(app.queue.mediaBadge('2007', 'Chat', true)).toBeVisible();
  });

  test('a chat queue says "Chatting" where a voice queue says "Talking"', async ({ app }) => {
    // 2007 is in both queues; busy with a contact, it reads in each queue's own medium.
    await app.stack.sim.setAgentState('2007', STATUS.talking);
    await app.signInAs('supervisor');
    await app.queue.open(2);
    await app.queue.expectLoaded('chat_jinsitao');
    await expect(await app.queue.cell('2007', 'State')).toHaveText('Chatting');
    await app.queue.open(1);
    await app.queue.expectLoaded('voice_liukai');
    await expect(await app.queue.cell('2007', 'State')).toHaveText('Talking');
  });
});
