// The Origin check behind a reverse proxy, over fakes: a configured public origin, and the host a
// trusted proxy forwards. The plain cases run against the real BFF in test/security.
import request from 'supertest';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createApp, type FloorwatchApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password-hash';
import type { User } from '../../src/auth/users-file';
import { parseConfig } from '../../src/config';
import { FakeLive, FakeSession, memorySettings, silentLogger, testMetrics } from './fakes';
import { TEST_HASH_COST } from '../factories';

let users: User[];
beforeAll(async () => {
  const passwordHash = await hashPassword('pw', TEST_HASH_COST);
  users = [{ username: 'sup', role: 'supervisor', queues: '*', passwordHash, linkToken: null }];
});

let fw: FloorwatchApp | null = null;
afterEach(() => fw?.close());

function build(env: Record<string, string>) {
  fw = createApp({
    config: parseConfig({ FLOORWATCH_WEB_DIST: '/nonexistent', ...env }),
    gatewayUrl: 'http://127.0.0.1:9',
    session: new FakeSession(),
    live: new FakeLive(),
    metrics: testMetrics(),
    logger: silentLogger(),
    settings: memorySettings(),
    users,
  });
  return fw.app;
}

const signIn = (app: FloorwatchApp['app'], headers: Record<string, string>) =>
  request(app).post('/api/v1/session').set(headers).send({ username: 'sup', password: 'pw' });

it('accepts a configured public origin whatever Host the proxy sends', async () => {
  const app = build({ FLOORWATCH_PUBLIC_ORIGIN: 'https://floor.example.com' });
  const ok = { host: '10.0.0.5:8080', origin: 'https://floor.example.com' };
  expect((await signIn(app, ok)).status).toBe(200);
  const other = { host: '10.0.0.5:8080', origin: 'https://floor.example.com.evil.example' };
  expect((await signIn(app, other)).status).toBe(403);
});

it('compares with X-Forwarded-Host only when the proxy is trusted', async () => {
  const headers = {
    host: '10.0.0.5:8080',
    'x-forwarded-host': 'floor.example.com',
    origin: 'https://floor.example.com',
  };
  expect((await signIn(build({ FLOORWATCH_TRUST_PROXY: 'loopback' }), headers)).status).toBe(200);
  fw?.close();
  expect((await signIn(build({}), headers)).status).toBe(403);
});

it('treats default ports as the same origin', async () => {
  const app = build({});
  expect(
    (await signIn(app, { host: 'floor.example.com:80', origin: 'http://floor.example.com' }))
      .status,
  ).toBe(200);
  expect(
    (await signIn(app, { host: 'floor.example.com', origin: 'http://floor.example.com:8080' }))
      .status,
  ).toBe(403);
});
