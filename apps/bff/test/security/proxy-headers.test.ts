// The read-only gateway proxy against a gateway that answers with hostile headers: the real
// simulator behind a stand-in that adds them (the gateway's answer headers are the attacker).
import { startSimulator } from '@floorwatch/gateway-sim';
import { errorBody } from '@floorwatch/contracts/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFloorwatch, type RunningFloorwatch } from '../../src/index';
import { Browser, tempDataDir, testWebDist, waitFor, writeUsersFile } from '../component/harness';
import { hostileGateway } from './support';

let sim: Awaited<ReturnType<typeof startSimulator>>;
let gw: Awaited<ReturnType<typeof hostileGateway>>;
let fw: RunningFloorwatch;
let sup: Browser;

beforeAll(async () => {
  sim = await startSimulator({
    scenario: 'seed',
    pollHoldMs: 400,
    rateLimit: { max: 60, windowMs: 2000 },
  });
  gw = await hostileGateway(sim.url);
  fw = await startFloorwatch({
    env: {
      PORT: '0',
      CCGW_URL: gw.url,
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
  sup = await new Browser(fw.url).signIn('sup');
});

afterEach(() => {
  gw.hostile.headers = {};
  gw.hostile.contentType = null;
});

afterAll(async () => {
  await fw?.close();
  await gw?.close();
  await sim?.close();
});

/** Floorwatch's own answer headers on a route that never touches the gateway. */
async function ownHeaders() {
  return (await sup.req('GET', '/api/v1/me')).headers;
}

describe('gateway answer headers through the proxy', () => {
  it("never pass the gateway's CSP, CORS, cookies or other headers to the browser", async () => {
    gw.hostile.headers = {
      'content-security-policy': 'default-src *',
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'set-cookie': ['fw_session=attacker-chosen; Path=/', 'tracker=1'],
      'x-frame-options': 'ALLOWALL',
      'strict-transport-security': 'max-age=0',
      refresh: '0; url=https://evil.example',
      'x-gateway-internal': 'secret',
    };
    const own = await ownHeaders();
    const r = await sup.req('GET', '/api/v1/gateway/agentgroup/allonlineagents');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ retcode: '0' });
    expect(r.headers.get('content-security-policy')).toBe(own.get('content-security-policy'));
    expect(r.headers.get('x-frame-options')).toBe(own.get('x-frame-options'));
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.headers.getSetCookie()).toEqual([]);
    expect(r.headers.get('strict-transport-security')).toBeNull();
    expect(r.headers.get('refresh')).toBeNull();
    expect(r.headers.get('x-gateway-internal')).toBeNull();
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    // The session cookie the browser holds is still Floorwatch's.
    expect((await sup.req('GET', '/api/v1/me')).status).toBe(200);
  });

  it('answers 502 with the contract body when the gateway answers anything but JSON', async () => {
    for (const type of ['text/html; charset=utf-8', 'image/svg+xml', 'text/plain']) {
      gw.hostile.contentType = type;
      gw.hostile.headers = { 'content-security-policy': 'default-src *' };
      const r = await sup.req('GET', '/api/v1/gateway/agentgroup/agentbyworkno/1001');
      expect(r.status, type).toBe(502);
      expect(errorBody.parse(r.json).error.code).toBe('GATEWAY_BAD_ANSWER');
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('serves every read-only GET query route of the gateway route table, and nothing else', async () => {
    for (const p of [
      '/agentgroup/allonlineagents',
      '/agentgroup/agentbyskill/1',
      '/agentgroup/agentbyworkno/1001',
      '/queuedevice/agentvdnskill',
      '/queuedevice/skillwaitnum/1',
    ]) {
      const r = await sup.req('GET', `/api/v1/gateway${p}`);
      expect(r.status, p).toBe(200);
    }
    for (const p of ['/queuedevice/queryacdstat', '/agentevent', '/onlineagent/logout'])
      expect((await sup.req('GET', `/api/v1/gateway${p}`)).status, p).toBe(404);
  });
});
