// HSTS on plain HTTP would pin a browser to HTTPS on a host that may not serve it. Floorwatch
// listens on plain HTTP, so HSTS is sent only when a trusted reverse proxy says it spoke HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Started } from '../component/harness';
import { send } from './support';

const PROXY = '127.0.0.7';
let s: Started;

beforeAll(async () => {
  // Only 127.0.0.7 is a trusted proxy; every other loopback address is a plain client.
  s = await start({ FLOORWATCH_TRUST_PROXY: PROXY });
});

afterAll(async () => {
  await s?.fw.close();
});

const hsts = async (from: string, headers: Record<string, string> = {}) =>
  (await send(s.fw.url, { path: '/api/v1/nothing-here', from, headers })).headers[
    'strict-transport-security'
  ];

describe('Strict-Transport-Security', () => {
  it('is not sent over plain HTTP', async () => {
    expect(await hsts('127.0.0.1')).toBeUndefined();
    expect(await hsts(PROXY)).toBeUndefined();
    expect(await hsts(PROXY, { 'x-forwarded-proto': 'http' })).toBeUndefined();
  });

  it('is not sent when an untrusted client claims HTTPS', async () => {
    expect(await hsts('127.0.0.8', { 'x-forwarded-proto': 'https' })).toBeUndefined();
  });

  it('is sent when the trusted proxy says the browser spoke HTTPS', async () => {
    expect(await hsts(PROXY, { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=\d{7,}/);
  });

  it('leaves the other security headers on every answer', async () => {
    const r = await send(s.fw.url, { path: '/api/v1/nothing-here' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
