// Cross-site requests with a stolen-by-the-browser cookie: state-changing requests must come from
// the dashboard's own origin. Non-browser clients (no Origin, no Sec-Fetch-Site) are not affected.
import { errorBody } from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, start, writeUsersFile, type Started } from '../component/harness';
import { cookieOf, send, signInBody } from './support';

let s: Started;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile() });
});

afterAll(async () => {
  await s?.fw.close();
});

async function signedIn(): Promise<string> {
  const r = await send(s.fw.url, {
    ...signInBody('sup', PASSWORDS.sup),
    headers: { origin: s.fw.url },
  });
  expect(r.status).toBe(200);
  return cookieOf(r)!;
}

const me = (cookie: string) => send(s.fw.url, { path: '/api/v1/me', headers: { cookie } });
const signOut = (cookie: string, headers: Record<string, string>) =>
  send(s.fw.url, { method: 'DELETE', path: '/api/v1/session', headers: { cookie, ...headers } });

describe('Origin check on state-changing requests', () => {
  it('refuses a sign-out from another site and keeps the session', async () => {
    const cookie = await signedIn();
    const hostile: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: s.fw.url.replace('127.0.0.1', 'localhost') },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of hostile) {
      const r = await signOut(cookie, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(errorBody.parse(r.json).error.code).toBe('CROSS_ORIGIN');
    }
    expect((await me(cookie)).status).toBe(200);
  });

  it('accepts the dashboard itself, and clients that send neither header', async () => {
    const a = await signedIn();
    expect((await signOut(a, { origin: s.fw.url })).status).toBe(204);
    expect((await me(a)).status).toBe(401);
    const b = await signedIn();
    expect((await signOut(b, { 'sec-fetch-site': 'same-origin' })).status).toBe(204);
    const c = await signedIn();
    expect((await signOut(c, {})).status).toBe(204);
  });

  it('refuses a sign-in posted from another site (login CSRF) without setting a cookie', async () => {
    const r = await send(s.fw.url, {
      ...signInBody('sup', PASSWORDS.sup),
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(errorBody.parse(r.json).error.code).toBe('CROSS_ORIGIN');
  });

  it('leaves reads alone: a cross-site GET is not state-changing', async () => {
    const cookie = await signedIn();
    const r = await send(s.fw.url, {
      path: '/api/v1/me',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(r.status).toBe(200);
  });
});
