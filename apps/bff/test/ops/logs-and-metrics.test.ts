// What an operator's log shipper and Prometheus see: one `msg` per line with pid and hostname,
// Node's default metrics under their standard names, and HTTP, sign-in and build metrics labelled
// by route pattern (never by raw URL).
import { hostname } from 'node:os';
import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type FloorwatchApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password-hash';
import type { User } from '../../src/auth/users-file';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/http/logging';
import { createMetrics } from '../../src/metrics';
import { TEST_HASH_COST } from '../factories';
import { FakeLive, FakeSession, memorySettings, silentLogger } from '../http/fakes';

describe('log lines', () => {
  it('carry one msg key, pid and hostname, even when a caller logs a msg field', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (s) => void lines.push(s) } });
    log.warn({ msg: 'socket hang up', delay: 500 }, 'event poll failed');
    log.child({ component: 'x' }).info('plain');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.match(/"msg":/g)).toHaveLength(1);
      expect(JSON.parse(line)).toMatchObject({ pid: process.pid, hostname: hostname() });
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'event poll failed',
      detail: 'socket hang up',
      delay: 500,
    });
  });
});

describe('metrics', () => {
  it("keeps Node's default metric names and says which build runs", async () => {
    const m = createMetrics({ build: { version: '1.2.3', commit: 'abc123', node: '24.1.0' } });
    const text = await m.registry.metrics();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_total_bytes /m);
    expect(text).not.toMatch(/^floorwatch_(process|nodejs)_/m);
    expect(text).toContain(
      'floorwatch_build_info{version="1.2.3",commit="abc123",node="24.1.0"} 1',
    );
  });

  let users: User[];
  beforeAll(async () => {
    users = [
      {
        username: 'sup',
        role: 'supervisor',
        queues: '*',
        passwordHash: await hashPassword('pw', TEST_HASH_COST),
        linkToken: null,
      },
    ];
  });
  let fw: FloorwatchApp | null = null;
  afterEach(() => fw?.close());

  it('count requests by route pattern and status, sign-ins by outcome, and the last poll', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const live = new FakeLive();
    fw = createApp({
      config: parseConfig({ FLOORWATCH_WEB_DIST: '/nonexistent-dist' }),
      gatewayUrl: 'http://127.0.0.1:9',
      session: new FakeSession(),
      live,
      metrics,
      logger: silentLogger(),
      settings: memorySettings(),
      users,
    });
    metrics.watchLive(live);
    const agent = request.agent(fw.app);
    expect(
      (await agent.post('/api/v1/session').send({ username: 'sup', password: 'no' })).status,
    ).toBe(401);
    expect(
      (await agent.post('/api/v1/session').send({ username: 'sup', password: 'pw' })).status,
    ).toBe(200);
    await agent.get('/api/v1/queues/1');
    await agent.get('/api/v1/queues/2');
    await agent.get('/api/v1/queues/424242');
    await agent.get('/random/path/12345'); // a client-side route: the SPA answers
    await agent.get('/api/v1/no/such/99');
    const text = await metrics.registry.metrics();
    const count = (labels: string) =>
      Number(
        new RegExp(`^floorwatch_http_requests_total\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ??
          0,
      );
    expect(count('method="GET",route="/api/v1/queues/:skillId",status="200"')).toBe(2);
    expect(count('method="GET",route="/api/v1/queues/:skillId",status="404"')).toBe(1);
    expect(count('method="POST",route="/api/v1/session",status="401"')).toBe(1);
    expect(count('method="GET",route="spa",status="200"')).toBe(1);
    expect(count('method="GET",route="unmatched",status="404"')).toBe(1);
    for (const raw of ['424242', '/random/path', '/no/such']) expect(text).not.toContain(raw);
    expect(text).toMatch(
      /^floorwatch_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/queues\/:skillId"\} 3$/m,
    );
    expect(text).toMatch(/^floorwatch_user_sign_ins_total\{outcome="wrong-credentials"\} 1$/m);
    expect(text).toMatch(/^floorwatch_user_sign_ins_total\{outcome="ok"\} 1$/m);
    expect(text).toMatch(/^floorwatch_last_successful_poll_timestamp_seconds 1$/m);
    expect(text).toMatch(/^floorwatch_data_status\{status="ok"\} 1$/m);
  });
});
