import { test as base, expect } from '@playwright/test';
import { BffApi } from '../fixtures/bff-api';
import { hasRedis, startReplicas, type ReplicaSet } from '../fixtures/replicas';
import { AppShell } from '../pages/app-shell';
import { OverviewPage } from '../pages/overview-page';

// Two replicas sharing one gateway session through Redis; the browser talks to the follower.
const test = base.extend<{ set: ReplicaSet }>({
  // eslint-disable-next-line no-empty-pattern
  set: async ({}, use) => {
    const set = await startReplicas(1000);
    try {
      await use(set);
    } finally {
      await set.close();
    }
  },
});

test.describe('several replicas', () => {
  test.skip(!hasRedis(), 'redis-server is not installed (npm test installs it)');

  test('the dashboard stays live while the leader is killed: no stale banner, fresh again within seconds', async ({
    page,
    set,
  }) => {
    test.setTimeout(150_000);
    const leader = await set.leader();
    const follower = set.replicas.find((r) => r !== leader)!;
    await new BffApi(page.request, follower.url).signIn(set.supervisor);
    const overview = new OverviewPage(page, follower.url);
    const shell = new AppShell(page);
    await overview.open();
    await shell.expectLive();

    leader.child.kill('SIGKILL');
    const samples = await shell.sampleFreshness(8_000);
    for (const s of samples)
      expect(s, `at ${s.at} ms after the kill`).toMatchObject({ banner: false, dimmed: false });
    // The follower took over: it signs in now, and the screen says the data is current.
    expect(await set.leader()).toBe(follower);
    await expect(shell.freshness).toHaveText(/^Live · updated [0-2] s ago$/, { timeout: 10_000 });
  });
});
