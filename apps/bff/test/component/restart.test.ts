// Settings and the per-queue trend survive a restart of the BFF: the real product is started,
// changed, stopped and started again on the same data directory.
import { history, settings } from '@floorwatch/contracts/api';
import { afterEach, expect, it } from 'vitest';
import { Browser, start, tempDataDir, waitFor, writeUsersFile, type Started } from './harness';

let running: Started | null = null;
afterEach(async () => {
  await running?.fw.close();
  running = null;
});

async function startOn(dataDir: string, usersFile: string): Promise<Started> {
  running = await start(
    { FLOORWATCH_USERS: usersFile, FLOORWATCH_DATA_DIR: dataDir },
    { tuning: { historyStepSec: 1 } },
  );
  await waitFor(async () => (await fetch(`${running!.fw.url}/readyz`)).status === 200, 'ready');
  return running;
}

const pointsOf = async (b: Browser, from: number, to: number) => {
  const h = history.parse(
    (await b.req('GET', `/api/v1/history?from=${from}&to=${to}&skillIds=1`)).json,
  );
  return h.queues.find((q) => q.skillId === 1)?.points ?? [];
};

it('keeps settings and the trend across a restart on the same data directory', async () => {
  const dataDir = tempDataDir();
  const usersFile = await writeUsersFile();
  const startedAt = Date.now();
  const first = await startOn(dataDir, usersFile);
  const a = await new Browser(first.fw.url).signIn('admin');
  const put = await a.req('PUT', '/api/v1/admin/reasons/12', {
    version: 1,
    name: 'Lunch (60 min)',
    limit: { warnSec: 3600, critSec: 4200 },
  });
  expect(put.status).toBe(200);
  const view = await a.req('POST', '/api/v1/me/views', { name: 'Billing', path: '/queues/1' });
  expect(view.status).toBe(201);
  // A few steps of history, with the queue KPIs in them.
  await waitFor(async () => (await pointsOf(a, startedAt, Date.now())).length >= 4, 'history');
  const before = await pointsOf(a, startedAt, Date.now());
  await first.fw.close();
  running = null;
  const stoppedAt = Date.now();

  const second = await startOn(dataDir, usersFile);
  const b = await new Browser(second.fw.url).signIn('admin');
  const s = settings.parse((await b.req('GET', '/api/v1/settings')).json);
  expect(s.reasons.find((r) => r.code === 12)).toEqual({
    version: 2,
    code: 12,
    name: 'Lunch (60 min)',
    limit: { warnSec: 3600, critSec: 4200 },
  });
  expect((await b.req('GET', '/api/v1/me/views')).json).toEqual([view.json]);
  // The trend before the restart is still there, point for point (all but the last step, which
  // was still being written when it was read), in the default (last hour) query screens make.
  const done = before.slice(0, -1);
  const h = history.parse((await b.req('GET', '/api/v1/history?skillIds=1')).json);
  const kept = h.queues[0]!.points.filter((p) => p.t >= done[0]!.t && p.t <= done.at(-1)!.t);
  expect(kept).toEqual(done);
  expect(h.queues[0]!.points.filter((p) => p.t < stoppedAt).length).toBeGreaterThan(done.length);
  // Seeding did not run again over the admin's change, and the audit log still holds it.
  const audit = (await b.req('GET', '/api/v1/admin/audit?limit=50')).json as {
    entries: { action: string; actor: string }[];
  };
  expect(audit.entries.filter((e) => e.action === 'settings.seed')).toHaveLength(1);
  expect(audit.entries.some((e) => e.action === 'reason.put' && e.actor === 'admin')).toBe(true);
});
