import type { History } from '@floorwatch/contracts/api';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BffApi } from '../fixtures/bff-api';
import { startStack, type StackOptions } from '../fixtures/stack';
import { expect, test } from '../fixtures/test';
import { App } from '../pages/app';

async function billingHistory(page: Page, url: string) {
  const to = Date.now();
  const res = await page.request.get(
    `${url}/api/v1/history?from=${to - 3_600_000}&to=${to}&skillIds=1`,
  );
  expect(res.status(), 'GET /api/v1/history').toBe(200);
  return ((await res.json()) as History).queues[0]?.points ?? [];
}

test('the trend keeps the time before a BFF restart', async ({ page }) => {
  test.slow();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'floorwatch-e2e-restart-'));
  const opts: StackOptions = {
    scenario: 'small',
    users: 'demo',
    env: { FLOORWATCH_DATA_DIR: dataDir },
  };
  try {
    let before: number[] = [];
    const first = await startStack(opts, 'history before the restart');
    try {
      const api = new BffApi(page.request, first.url);
      await api.signIn(first.accounts.supervisor);
      await api.waitForHistory(3);
      before = (await billingHistory(page, first.url)).map((p) => p.t);
    } finally {
      await first.close();
    }
    const restartedAt = Date.now();

    const second = await startStack(opts, 'history after the restart');
    try {
      const api = new BffApi(page.request, second.url);
      await api.signIn(second.accounts.supervisor);
      const after = (await billingHistory(page, second.url)).map((p) => p.t);
      // Every point from before the restart is still there.
      expect(after.filter((t) => t < restartedAt)).toEqual(expect.arrayContaining(before));

      // The queue page's chart draws it.
      const app = new App(page, second, api);
      await app.queue.open(1);
      await page.getByRole('button', { name: 'Trend today' }).click();
      await expect(page.getByText(/^Data from .+ to .+$/)).toBeVisible({
        timeout: 15_000,
      });
      await expect(page.getByText('Agents by state', { exact: true })).toBeVisible();
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
