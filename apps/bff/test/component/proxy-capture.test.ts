// What actually reaches the gateway through the read-only proxy: a capturing server sits between
// the BFF (CCGW_URL) and the simulator.
import { startSimulator } from '@floorwatch/gateway-sim';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFloorwatch, type RunningFloorwatch } from '../../src/index';
import {
  Browser,
  captureProxy,
  tempDataDir,
  testWebDist,
  waitFor,
  writeUsersFile,
} from './harness';

let sim: Awaited<ReturnType<typeof startSimulator>>;
let cap: Awaited<ReturnType<typeof captureProxy>>;
let fw: RunningFloorwatch;

beforeAll(async () => {
  sim = await startSimulator({
    scenario: 'seed',
    pollHoldMs: 400,
    rateLimit: { max: 60, windowMs: 2000 },
  });
  cap = await captureProxy(sim.url);
  fw = await startFloorwatch({
    env: {
      PORT: '0',
      CCGW_URL: cap.url,
      CCGW_AGENT_ID: '102',
      CCGW_PASSWORD: 'floorwatch',
      CCGW_POLL_MS: '500',
      CCGW_BUDGET: '60/2000',
      FLOORWATCH_USERS: await writeUsersFile(),
      FLOORWATCH_DATA_DIR: tempDataDir(),
      LOG_LEVEL: 'silent',
      FLOORWATCH_WEB_DIST: testWebDist(),
    },
    defaultMetrics: false,
    tuning: { requestTimeoutMs: 1500 },
  });
  await waitFor(async () => (await fetch(`${fw.url}/readyz`)).status === 200, 'ready');
});

afterAll(async () => {
  await fw?.close();
  await cap?.close();
  await sim?.close();
});

it('sends only Content-Type and the Guid upstream, with the agent id filled in', async () => {
  const sup = await new Browser(fw.url).signIn('sup');
  const r = await sup.req('GET', '/api/v1/gateway/agentgroup/allonlineagents?x=1', undefined, {
    authorization: 'Bearer caller-secret',
    'x-forwarded-for': '6.6.6.6',
    'x-custom': 'caller-header',
  });
  expect(r.status).toBe(200);
  expect(r.json).toMatchObject({ retcode: '0' });
  expect(r.headers.get('set-guid')).toBeNull();
  const hit = cap.seen.filter((x) =>
    x.url.startsWith('/agentgateway/resource/agentgroup/102/allonlineagents'),
  );
  const proxied = hit.at(-1)!;
  expect(proxied.url).toBe('/agentgateway/resource/agentgroup/102/allonlineagents');
  expect(proxied.method).toBe('GET');
  expect(proxied.headers.cookie).toBeUndefined();
  expect(proxied.headers.authorization).toBeUndefined();
  expect(proxied.headers['x-forwarded-for']).toBeUndefined();
  expect(proxied.headers['x-custom']).toBeUndefined();
  expect(proxied.headers.guid).toMatch(/AgentGateway/);
  expect(proxied.headers['content-type']).toContain('application/json');
  expect(JSON.stringify(proxied.headers)).not.toContain(sup.cookie.split('=')[1]!);
});
