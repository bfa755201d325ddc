// Clients that hold sockets: slow or never-finished request bodies and headers, bodies larger
// than anything Floorwatch accepts, and many connections from one address. The live stream is
// the one request that may stay open.
import { errorBody } from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, start, waitFor, writeUsersFile, type Started } from '../component/harness';
import { cookieOf, openStream, RawSocket, send, signInBody } from './support';

const TIMEOUT_MS = 1000;
const MAX_CONNECTIONS = 6;
let s: Started;
let host: string;

beforeAll(async () => {
  s = await start({
    FLOORWATCH_USERS: await writeUsersFile(),
    FLOORWATCH_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    FLOORWATCH_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS),
  });
  host = new URL(s.fw.url).host;
});

afterAll(async () => {
  await s?.fw.close();
});

/** Generous: the machine is shared; what matters is that the socket is answered and closed. */
const CLOSE_WITHIN_MS = TIMEOUT_MS + 4000;

describe('slow requests', () => {
  it('answers 408 and closes a sign-in whose body never fully arrives', async () => {
    const sock = new RawSocket(s.fw.url, '127.0.0.2');
    await sock.ready;
    sock.write(
      `POST /api/v1/session HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 1000\r\n\r\n{"username":',
    );
    expect(await sock.closesWithin(CLOSE_WITHIN_MS)).toBe(true);
    expect(sock.status()).toBe(408);
    expect(sock.received).toContain('REQUEST_TIMEOUT');
  });

  it('answers 408 and closes a request whose headers never end', async () => {
    const sock = new RawSocket(s.fw.url, '127.0.0.2');
    await sock.ready;
    sock.write(`GET /api/v1/me HTTP/1.1\r\nHost: ${host}\r\nX-Slow: 1\r\n`);
    expect(await sock.closesWithin(CLOSE_WITHIN_MS)).toBe(true);
    expect(sock.status()).toBe(408);
  });

  it('keeps the live stream open well past the request timeout', async () => {
    const login = await send(s.fw.url, signInBody('sup', PASSWORDS.sup));
    const stream = openStream(s.fw.url, cookieOf(login)!, '127.0.0.3');
    await waitFor(() => stream.status === 200, 'the stream to open');
    const started = Date.now();
    await waitFor(() => Date.now() - started > 3 * TIMEOUT_MS, 'three timeouts', 10_000);
    expect(stream.ended).toBe(false);
    const frames = stream.frames;
    await waitFor(() => stream.frames > frames, 'another heartbeat');
    stream.req?.destroy();
  });
});

describe('oversized bodies', () => {
  it('answers 413 at once to a declared 100 MB sign-in and closes the socket', async () => {
    const sock = new RawSocket(s.fw.url, '127.0.0.4');
    await sock.ready;
    sock.write(
      `POST /api/v1/session HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${100 * 1024 * 1024}\r\n\r\n{"username":`,
    );
    expect(await sock.closesWithin(CLOSE_WITHIN_MS)).toBe(true);
    expect(sock.status()).toBe(413);
    expect(sock.received).toContain('PAYLOAD_TOO_LARGE');
  });

  it('answers 413 to a declared large body on any route, API or not', async () => {
    for (const path of ['/anything', '/api/v1/gateway/agentgroup/allonlineagents', '/healthz']) {
      const sock = new RawSocket(s.fw.url, '127.0.0.4');
      await sock.ready;
      sock.write(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 50000000\r\n\r\nxx`);
      expect(await sock.closesWithin(CLOSE_WITHIN_MS), path).toBe(true);
      expect(sock.status(), path).toBe(413);
    }
  });

  it('answers 413 with the contract body to a real 20 kB sign-in body', async () => {
    const r = await send(s.fw.url, {
      ...signInBody('sup', 'x'.repeat(20_000)),
      from: '127.0.0.4',
    });
    expect(r.status).toBe(413);
    expect(errorBody.parse(r.json).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('connections per address', () => {
  it(`accepts ${MAX_CONNECTIONS} open connections from one address and refuses the next`, async () => {
    const login = await send(s.fw.url, signInBody('sup', PASSWORDS.sup));
    const cookie = cookieOf(login)!;
    // Live streams are complete requests that stay open, so they hold their sockets for good.
    const streams = Array.from({ length: MAX_CONNECTIONS }, () =>
      openStream(s.fw.url, cookie, '127.0.0.5'),
    );
    await waitFor(() => streams.every((x) => x.status === 200), 'every stream to open');

    const extra = new RawSocket(s.fw.url, '127.0.0.5');
    await extra.ready;
    extra.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(await extra.closesWithin(CLOSE_WITHIN_MS)).toBe(true);
    expect(extra.status()).toBe(429);
    expect(extra.received).toContain('TOO_MANY_CONNECTIONS');

    // Other addresses are not affected ...
    expect((await send(s.fw.url, { path: '/healthz', from: '127.0.0.6' })).status).toBe(200);
    // ... and the address gets its connection back when one of its sockets closes.
    streams[0]!.req?.destroy();
    await waitFor(
      async () => (await send(s.fw.url, { path: '/healthz', from: '127.0.0.5' })).status === 200,
      'a freed connection slot',
    );
    for (const x of streams) x.req?.destroy();
  });
});
