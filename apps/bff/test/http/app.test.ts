import { errorBody, fieldIssue, me, siteLocale, snapshot } from '@floorwatch/contracts/api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type FloorwatchApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password-hash';
import type { User } from '../../src/auth/users-file';
import { parseConfig } from '../../src/config';
import { readyBody } from '../../src/http/readiness';
import { FakeLive, FakeSession, memorySettings, silentLogger, testMetrics } from './fakes';
import { TEST_HASH_COST } from '../factories';

let users: User[];
beforeAll(async () => {
  const h = await hashPassword('pw-supervisor', TEST_HASH_COST);
  users = [
    { username: 'sup', role: 'supervisor', queues: '*', passwordHash: h, linkToken: null },
    {
      username: 'lead1',
      role: 'teamlead',
      queues: [1],
      passwordHash: await hashPassword('pw-lead', TEST_HASH_COST),
      linkToken: null,
    },
  ];
});

let fw: FloorwatchApp | null = null;
afterEach(() => {
  fw?.close();
  fw = null;
});

function build(opts: { webDist?: string; env?: Record<string, string> } = {}) {
  const config = parseConfig({
    FLOORWATCH_WEB_DIST: opts.webDist ?? '/nonexistent-dist',
    ...opts.env,
  });
  const live = new FakeLive();
  const session = new FakeSession();
  fw = createApp({
    config,
    gatewayUrl: 'http://127.0.0.1:9',
    session,
    live,
    metrics: testMetrics(),
    logger: silentLogger(),
    settings: memorySettings(),
    users,
  });
  return { app: fw.app, live, session };
}

async function signIn(app: FloorwatchApp['app'], username: string, password: string) {
  const agent = request.agent(app);
  const r = await agent.post('/api/v1/session').send({ username, password });
  expect(r.status).toBe(200);
  return agent;
}

describe('createApp over fakes', () => {
  it('tells anyone, signed in or not, the site language and time zone', async () => {
    const { app } = build({
      env: { FLOORWATCH_LOCALE: 'zh-CN', FLOORWATCH_TIME_ZONE: 'Asia/Shanghai' },
    });
    const r = await request(app).get('/api/v1/locale');
    expect(r.status).toBe(200);
    expect(siteLocale.parse(r.body)).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('names each refused field with its code and bound, so a screen can word it in any language', async () => {
    const { app } = build();
    const agent = await signIn(app, 'sup', 'pw-supervisor');
    const r = await agent.put('/api/v1/me/preferences').send({ locale: 'x'.repeat(21) });
    expect(r.status).toBe(400);
    const details = fieldIssue.array().parse(errorBody.parse(r.body).error.details);
    expect(details).toEqual([
      expect.objectContaining({
        path: 'locale',
        code: 'too_big',
        origin: 'string',
        maximum: 20,
        inclusive: true,
      }),
    ]);
  });

  it('answers 401 with the contract body on every protected /api route', async () => {
    const { app } = build();
    const routes: [string, string][] = [
      ['get', '/api/v1/me'],
      ['delete', '/api/v1/session'],
      ['get', '/api/v1/settings'],
      ['get', '/api/v1/snapshot'],
      ['get', '/api/v1/queues/1'],
      ['get', '/api/v1/history'],
      ['get', '/api/v1/stream'],
      ['get', '/api/v1/gateway/agentgroup/allonlineagents'],
    ];
    for (const [m, url] of routes) {
      const r = await (request(app) as unknown as Record<string, (u: string) => request.Test>)[m]!(
        url,
      );
      expect(r.status, url).toBe(401);
      expect(errorBody.parse(r.body).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('signs in with an HttpOnly SameSite cookie, answers me, and signs out', async () => {
    const { app } = build();
    const r = await request(app)
      .post('/api/v1/session')
      .send({ username: 'sup', password: 'pw-supervisor' });
    expect(r.status).toBe(200);
    expect(me.parse(r.body)).toEqual({
      username: 'sup',
      role: 'supervisor',
      queues: '*',
      wall: null,
    });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/fw_session=[\w-]{20,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const agent = request.agent(app);
    await agent.post('/api/v1/session').send({ username: 'sup', password: 'pw-supervisor' });
    expect((await agent.get('/api/v1/me')).status).toBe(200);
    expect((await agent.delete('/api/v1/session')).status).toBe(204);
    expect((await agent.get('/api/v1/me')).status).toBe(401);
  });

  it('rejects a wrong password, then rate-limits with Retry-After', async () => {
    const { app } = build();
    for (let i = 0; i < 5; i++) {
      const r = await request(app)
        .post('/api/v1/session')
        .send({ username: 'sup', password: 'nope' });
      expect(r.status).toBe(401);
    }
    const r = await request(app)
      .post('/api/v1/session')
      .send({ username: 'sup', password: 'pw-supervisor' });
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorBody.parse(r.body).error.code).toBe('RATE_LIMITED');
  });

  it('validates the sign-in body (400 with details) and caps its size (413)', async () => {
    const { app } = build();
    const bad = await request(app).post('/api/v1/session').send({ username: '' });
    expect(bad.status).toBe(400);
    expect(errorBody.parse(bad.body).error.details).toBeDefined();
    const big = await request(app)
      .post('/api/v1/session')
      .send({ username: 'x', password: 'y'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(errorBody.parse(big.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    const notJson = await request(app)
      .post('/api/v1/session')
      .set('Content-Type', 'application/json')
      .send('{oops');
    expect(notJson.status).toBe(400);
  });

  it('filters snapshot and queues to a team lead scope', async () => {
    const { app } = build();
    const lead = await signIn(app, 'lead1', 'pw-lead');
    const snap = snapshot.parse((await lead.get('/api/v1/snapshot')).body);
    expect(snap.agents.map((a) => a.workno).sort()).toEqual(['1001', '1002']);
    expect(snap.agents.find((a) => a.workno === '1002')!.skills).toEqual([1]);
    expect(snap.queues.map((q) => q.skillId)).toEqual([1]);
    expect((await lead.get('/api/v1/queues/1')).status).toBe(200);
    const out = await lead.get('/api/v1/queues/2');
    expect(out.status).toBe(404);
    expect(errorBody.parse(out.body).error.code).toBe('NOT_FOUND');
    expect((await lead.get('/api/v1/history?skillIds=2')).status).toBe(403);
    const h = await lead.get('/api/v1/history');
    expect(h.status).toBe(200);
    expect(h.body.queues.map((q: { skillId: number }) => q.skillId)).toEqual([1]);
    expect((await lead.get('/api/v1/gateway/agentgroup/allonlineagents')).status).toBe(403);
  });

  it('sends the security headers and a contract 404 for unknown routes', async () => {
    const { app } = build();
    const r = await request(app).get('/api/v1/nope');
    expect(r.status).toBe(404);
    expect(errorBody.parse(r.body).error.code).toBe('NOT_FOUND');
    const csp = r.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-powered-by']).toBeUndefined();
    const post = await request(app).post('/whatever');
    expect(post.status).toBe(404);
    expect(errorBody.parse(post.body).error.code).toBe('NOT_FOUND');
  });

  it('serves the SPA with cache rules and a fallback, and a hint page without a build', async () => {
    const none = build();
    const hint = await request(none.app).get('/');
    expect(hint.status).toBe(200);
    expect(hint.text).toContain('pnpm --filter @floorwatch/web build');
    fw?.close();

    const dist = mkdtempSync(path.join(tmpdir(), 'fw-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const { app } = build({ webDist: dist });
    const idx = await request(app).get('/wall');
    expect(idx.status).toBe(200);
    expect(idx.headers['cache-control']).toBe('no-cache');
    const asset = await request(app).get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await request(app).get('/assets/missing.js')).status).toBe(404);
    const sup = await signIn(app, 'sup', 'pw-supervisor');
    const s = await sup.get('/api/v1/settings');
    expect(s.body.release).toMatch(/^[0-9a-f]{12}$/);
    expect(s.body.limits).toEqual({
      version: 0,
      states: {},
      kpi: { waiting: null, longestWaitSec: null, serviceLevelPct: null },
    });
  });

  it('is ready with a built SPA and data, even stale; the gateway shows only in the body', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'fw-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const { app, live, session } = build({ webDist: dist });
    expect((await request(app).get('/healthz')).status).toBe(200);
    const ok = await request(app).get('/readyz');
    expect(ok.status).toBe(200);
    expect(readyBody.parse(ok.body)).toMatchObject({ checks: ['spa', 'data'] });

    // A gateway outage: the replica keeps serving the stale data and stays in the balancer.
    live.gateway = { status: 'stale', lastSuccessAt: 1, error: null };
    session.state = { ...session.state, state: 'backing-off' };
    const stale = await request(app).get('/readyz');
    expect(stale.status).toBe(200);
    expect(readyBody.parse(stale.body).gateway).toMatchObject({
      session: 'backing-off',
      data: 'stale',
      lastSuccessAt: 1,
    });

    // No data at all yet: nothing to show, so not ready.
    live.gateway = { status: 'connecting', lastSuccessAt: null, error: null };
    const none = await request(app).get('/readyz');
    expect(none.status).toBe(503);
    expect(none.body.error.code).toBe('NOT_READY');
    expect(none.body.error.details.reasons).toEqual([
      'data: no data yet: the gateway has not answered a poll since start',
    ]);
    const m = await request(app).get('/metrics');
    expect(m.text).toContain('floorwatch_sse_clients');
  });

  it('is not ready without the SPA, naming the missing file', async () => {
    const { app } = build();
    const r = await request(app).get('/readyz');
    expect(r.status).toBe(503);
    expect(r.body.error.details.reasons[0]).toMatch(
      /^spa: the dashboard is not built \(.*index\.html is missing\)$/,
    );
  });

  it('refuses non-GET and unlisted paths on the gateway proxy before any upstream call', async () => {
    const { app, session } = build();
    const sup = await signIn(app, 'sup', 'pw-supervisor');
    const post = await sup.post('/api/v1/gateway/agentgroup/allonlineagents');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect((await sup.get('/api/v1/gateway/onlineagent/logout')).status).toBe(404);
    expect((await sup.get('/api/v1/gateway/agentgroup/agentbyskill/..%2f..')).status).toBe(404);
    session.guid = null;
    const r = await sup.get('/api/v1/gateway/agentgroup/allonlineagents');
    expect(r.status).toBe(503);
    expect(errorBody.parse(r.body).error.code).toBe('GATEWAY_UNAVAILABLE');
    expect(session.budgetCalls).toEqual([]);
  });
});
