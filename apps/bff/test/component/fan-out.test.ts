// The number of screens must never change the load on the gateway: 50 live streams, one poll.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile, type Started } from './harness';

let s: Started;
const POLL_MS = 400;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile(), CCGW_POLL_MS: String(POLL_MS) });
  await waitFor(async () => (await fetch(`${s.fw.url}/readyz`)).status === 200, 'ready');
}, 20_000);

afterAll(async () => {
  await s?.fw.close();
});

it('makes one allonlineagents request per poll interval with 50 SSE clients connected', async () => {
  const sup = await new Browser(s.fw.url).signIn('sup');
  const lead = await new Browser(s.fw.url).signIn('lead1');
  const streams = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? lead : sup).stream());
  await waitFor(() => streams.every((st) => st.events.length > 0), '50 snapshots');
  const metrics = await (await fetch(`${s.fw.url}/metrics`)).text();
  expect(metrics).toMatch(/floorwatch_sse_clients 50/);

  await s.control('POST', '/counters/reset');
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  const { routes } = await s.counters();
  const elapsed = Date.now() - t0;
  const polls = routes.queryAllOnlineAgents ?? 0;
  const expected = elapsed / POLL_MS;
  expect(polls).toBeGreaterThanOrEqual(Math.floor(expected * 0.6));
  expect(polls).toBeLessThanOrEqual(Math.ceil(expected) + 1);
  for (const st of streams) st.close();
  await waitFor(
    async () => /floorwatch_sse_clients 0/.test(await (await fetch(`${s.fw.url}/metrics`)).text()),
    'streams closed',
  );
}, 20_000);
