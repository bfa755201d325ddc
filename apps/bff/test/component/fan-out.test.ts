// The number of screens must never change the load on the gateway: 50 live streams, one poll.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile, type Started } from './harness';

let s: Started;
const POLL_MS = 400;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile(), CCGW_POLL_MS: String(POLL_MS) });
  await waitFor(async () => (await fetch(`${s.fw.url}/readyz`)).status === 200, 'ready');
});

afterAll(async () => {
  await s?.fw.close();
});

it('makes one allonlineagents request per poll with 50 SSE clients connected', async () => {
  const sup = await new Browser(s.fw.url).signIn('sup');
  const lead = await new Browser(s.fw.url).signIn('lead1');
  const streams = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? lead : sup).stream());
  await waitFor(() => streams.every((st) => st.events.length > 0), '50 snapshots');
  const metrics = await (await fetch(`${s.fw.url}/metrics`)).text();
  expect(metrics).toMatch(/floorwatch_sse_clients 50/);

  // Counted, not timed: the gateway's own request counter against the BFF's own poll counter.
  const polls = async () => {
    const text = await (await fetch(`${s.fw.url}/metrics`)).text();
    const m = /floorwatch_poll_duration_seconds_count\{poller="agents"\} (\d+)/.exec(text);
    return Number(m?.[1] ?? 0);
  };
  await s.control('POST', '/counters/reset');
  const first = await polls();
  await waitFor(async () => (await polls()) >= first + 6, 'six more polls', 15_000);
  const { routes } = await s.counters();
  const made = (await polls()) - first;
  // One request per poll whatever the number of screens (one poll may straddle the reset or
  // the last read).
  expect(routes.queryAllOnlineAgents ?? 0).toBeGreaterThanOrEqual(made - 1);
  expect(routes.queryAllOnlineAgents ?? 0).toBeLessThanOrEqual(made + 1);
  // Every stream is still there: none of them was the reason for a gateway call.
  expect(streams.every((st) => !st.ended)).toBe(true);
  for (const st of streams) st.close();
  await waitFor(
    async () => /floorwatch_sse_clients 0/.test(await (await fetch(`${s.fw.url}/metrics`)).text()),
    'streams closed',
  );
});
