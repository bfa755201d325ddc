// The proxy against a tiny local upstream: what it sends, what it hands back, what it spends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBody } from '@floorwatch/contracts/api';
import { GATEWAY_ROUTES } from '@floorwatch/contracts/gateway';
import { createApp, type FloorwatchApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password-hash';
import { parseConfig } from '../../src/config';
import { PROXY_RULES } from '../../src/http/gateway-proxy';
import { FakeLive, FakeSession, memorySettings, silentLogger, testMetrics } from './fakes';
import { TEST_HASH_COST } from '../factories';

let upstream: http.Server;
const seen: http.IncomingHttpHeaders[] = [];
const urls: string[] = [];
let fw: FloorwatchApp;
const session = new FakeSession();

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(req.headers);
    urls.push(req.url ?? '');
    // skillwaitnum/4xx or /5xx: the gateway answers that HTTP status, with a JSON body.
    const status = /skillwaitnum\/([45]\d\d)$/.exec(req.url ?? '')?.[1];
    if (status) {
      res.writeHead(Number(status), { 'content-type': 'application/json' });
      res.end(JSON.stringify({ retcode: '000-003', message: 'denied', result: null }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'set-guid': 'JSESSIONID=rotated-guid-456.AgentGateway0',
      'set-cookie': 'JSESSIONID=upstream-cookie',
    });
    res.end(JSON.stringify({ retcode: '0', message: '', result: [] }));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const port = (upstream.address() as AddressInfo).port;
  fw = createApp({
    config: parseConfig({ FLOORWATCH_WEB_DIST: '/nonexistent' }),
    gatewayUrl: `http://127.0.0.1:${port}`,
    session,
    live: new FakeLive(),
    metrics: testMetrics(),
    logger: silentLogger(),
    settings: memorySettings(),
    users: [
      {
        username: 'sup',
        role: 'supervisor',
        queues: '*',
        passwordHash: await hashPassword('pw', TEST_HASH_COST),
        linkToken: null,
      },
    ],
  });
});

afterAll(async () => {
  fw.close();
  await new Promise<void>((r) => upstream.close(() => r()));
});

it('spends the budget, sends only Content-Type and Guid, and takes Set-GUID back', async () => {
  const agent = request.agent(fw.app);
  await agent.post('/api/v1/session').send({ username: 'sup', password: 'pw' }).expect(200);
  const r = await agent
    .get('/api/v1/gateway/queuedevice/skillwaitnum/7?agentid=999')
    .set('Authorization', 'Basic Zm9vOmJhcg==')
    .set('X-Forwarded-Host', 'evil.example')
    .set('X-Real-IP', '1.2.3.4');
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ retcode: '0', message: '', result: [] });
  expect(r.headers['set-guid']).toBeUndefined();
  expect(r.headers['set-cookie']).toBeUndefined();
  expect(r.headers['cache-control']).toBe('no-store');

  expect(session.budgetCalls).toEqual(['proxy']);
  expect(session.offered).toEqual(['JSESSIONID=rotated-guid-456.AgentGateway0']);
  expect(urls).toEqual(['/agentgateway/resource/queuedevice/101/skillwaitnum/7']);
  const h = seen[0]!;
  expect(h.guid).toBe('fake-guid-123.AgentGateway0');
  expect(h['content-type']).toBe('application/json; charset=UTF-8');
  expect(Object.keys(h).sort()).toEqual(
    expect.arrayContaining(['content-type', 'guid', 'host'].sort()),
  );
  for (const k of Object.keys(h))
    expect(['content-type', 'guid', 'host', 'connection']).toContain(k);
});

it('answers a contract error when the gateway cannot be reached', async () => {
  const down = createApp({
    config: parseConfig({ FLOORWATCH_WEB_DIST: '/nonexistent' }),
    gatewayUrl: 'http://127.0.0.1:1',
    session: new FakeSession(),
    live: new FakeLive(),
    metrics: testMetrics(),
    logger: silentLogger(),
    settings: memorySettings(),
    users: [
      {
        username: 'sup',
        role: 'supervisor',
        queues: '*',
        passwordHash: await hashPassword('pw', TEST_HASH_COST),
        linkToken: null,
      },
    ],
  });
  const agent = request.agent(down.app);
  await agent.post('/api/v1/session').send({ username: 'sup', password: 'pw' }).expect(200);
  const r = await agent.get('/api/v1/gateway/agentgroup/allonlineagents');
  expect(r.status).toBe(502);
  expect(r.body.error.code).toBe('GATEWAY_UNREACHABLE');
  down.close();
});

it("never hands a gateway's 401/403/5xx to the browser as it is: 502 GATEWAY_BAD_ANSWER", async () => {
  // The SPA reads a 401 or 403 as "your Floorwatch session ended": a gateway refusing the BFF must
  // not look like that. The gateway's status travels in the details for whoever debugs it.
  const agent = request.agent(fw.app);
  await agent.post('/api/v1/session').send({ username: 'sup', password: 'pw' }).expect(200);
  for (const status of [401, 403, 404, 500, 503]) {
    const r = await agent.get(`/api/v1/gateway/queuedevice/skillwaitnum/${status}`);
    expect(r.status, String(status)).toBe(502);
    expect(errorBody.parse(r.body).error).toMatchObject({
      code: 'GATEWAY_BAD_ANSWER',
      details: { gatewayStatus: status },
    });
  }
});

it('allows exactly the GET query routes of the gateway route table', () => {
  const expected = Object.entries(GATEWAY_ROUTES)
    .filter(([, r]) => r.kind === 'query' && r.method === 'GET')
    .map(([name]) => name);
  expect(PROXY_RULES.map((r) => r.route)).toEqual(expected);
  const rule = PROXY_RULES.find((r) => r.route === 'queryQueueLengthBySkillId')!;
  expect(rule.params).toEqual(['skillId']);
  expect(rule.match.test('/queuedevice/skillwaitnum/7')).toBe(true);
  for (const p of [
    '/queuedevice/skillwaitnum/x',
    '/queuedevice/101/skillwaitnum/7',
    '/queuedevice/skillwaitnum/7/',
  ])
    expect(rule.match.test(p), p).toBe(false);
});
