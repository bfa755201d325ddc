// Runs the real Floorwatch (startFloorwatch, port 0) against the real simulator, and records every
// byte a "browser" receives so tests can prove the Guid never leaves the BFF.
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../src/auth/password-hash';
import { startFloorwatch, type RunningFloorwatch, type StartOptions } from '../../src/index';
import { TEST_HASH_COST } from '../factories';

export const PASSWORDS = {
  admin: 'admin-password-1',
  admin2: 'admin-password-2',
  sup: 'sup-password-1',
  lead1: 'lead-password-1',
  lead2: 'lead-password-2',
} as const;
export const WALL_TOKEN = 'wall-token-0123456789abcdef';

export async function writeUsersFile(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-users-'));
  const file = path.join(dir, 'users.json');
  const users = [
    {
      username: 'admin',
      passwordHash: await hashPassword(PASSWORDS.admin, TEST_HASH_COST),
      role: 'admin',
      queues: '*',
    },
    {
      username: 'admin2',
      passwordHash: await hashPassword(PASSWORDS.admin2, TEST_HASH_COST),
      role: 'admin',
      queues: '*',
    },
    {
      username: 'sup',
      passwordHash: await hashPassword(PASSWORDS.sup, TEST_HASH_COST),
      role: 'supervisor',
      queues: '*',
    },
    {
      username: 'lead1',
      passwordHash: await hashPassword(PASSWORDS.lead1, TEST_HASH_COST),
      role: 'teamlead',
      queues: [1],
    },
    {
      username: 'lead2',
      passwordHash: await hashPassword(PASSWORDS.lead2, TEST_HASH_COST),
      role: 'teamlead',
      queues: [2],
    },
    {
      username: 'wall',
      linkToken: await hashPassword(WALL_TOKEN, TEST_HASH_COST),
      role: 'wallboard',
      queues: '*',
    },
  ];
  writeFileSync(file, JSON.stringify(users, null, 2));
  return file;
}

let webDist: string | null = null;
/** A stand-in for the built SPA (readiness needs one), written once per test file. */
export function testWebDist(): string {
  if (webDist) return webDist;
  webDist = mkdtempSync(path.join(tmpdir(), 'fw-web-'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><title>Floorwatch test SPA</title>',
  );
  return webDist;
}

/** A fresh data directory (FLOORWATCH_DATA_DIR), so no two runs share a settings store. */
export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'fw-data-'));
}

export interface SimCounters {
  routes: Record<string, number | undefined>;
  guidsIssued: string[];
}

export interface Started {
  fw: RunningFloorwatch;
  logs: string[];
  control(method: string, p: string, body?: unknown): Promise<unknown>;
  counters(): Promise<SimCounters>;
}

export async function start(
  env: Record<string, string> = {},
  extra: Omit<StartOptions, 'env' | 'logDestination'> = {},
): Promise<Started> {
  const logs: string[] = [];
  const fw = await startFloorwatch({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      CCGW_POLL_MS: '300',
      CCGW_STALE_AFTER_MS: '1500',
      CCGW_BUDGET: '60/2000',
      SIM_SCENARIO: 'small',
      LOG_LEVEL: 'debug',
      FLOORWATCH_WEB_DIST: testWebDist(),
      FLOORWATCH_DATA_DIR: tempDataDir(),
      ...env,
    },
    sim: { pollHoldMs: 400, rateLimit: { max: 60, windowMs: 2000 }, ...extra.sim },
    logDestination: { write: (s: string) => void logs.push(s) },
    defaultMetrics: false,
    tuning: {
      sseHeartbeatMs: 400,
      requestTimeoutMs: 1500,
      backoff: { initialMs: 100, maxMs: 500 },
      ...extra.tuning,
    },
  });
  const control = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${fw.sim!.controlUrl}${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return await r.json();
  };
  const counters = async () => (await control('GET', '/counters')) as SimCounters;
  return { fw, logs, control, counters };
}

/**
 * Polls until `check` returns a truthy value; fails after `timeoutMs` (no fixed sleeps). The
 * default is for "eventually" on a slow machine; a test that means "within" passes its own limit.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A cookie-keeping browser stand-in that records every header and body byte it receives. */
export class Browser {
  cookie = '';
  received: string[] = [];
  constructor(readonly base: string) {}

  async req(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
    const r = await fetch(this.base + p, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    this.received.push(JSON.stringify([...r.headers]), text);
    const set = r.headers.getSetCookie().find((c) => c.startsWith('fw_session='));
    if (set) this.cookie = set.split(';')[0]!;
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, headers: r.headers, text, json };
  }

  async signIn(username: keyof typeof PASSWORDS) {
    const r = await this.req('POST', '/api/v1/session', {
      username,
      password: PASSWORDS[username],
    });
    if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${r.text}`);
    return this;
  }

  /** Opens the live stream with raw http; events are parsed as they arrive. */
  stream(lastEventId?: string, path = '/api/v1/stream'): SseStream {
    return new SseStream(this, lastEventId, path);
  }
}

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: unknown;
}

export class SseStream {
  events: SseEvent[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  raw = '';
  /** True once the server ended the stream. */
  ended = false;
  private req: http.ClientRequest;
  private buffer = '';

  constructor(browser: Browser, lastEventId?: string, path = '/api/v1/stream') {
    const url = new URL(`${browser.base}${path}`);
    this.req = http.get(
      url,
      {
        headers: {
          accept: 'text/event-stream',
          ...(browser.cookie ? { cookie: browser.cookie } : {}),
          ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
        },
      },
      (res) => {
        this.status = res.statusCode ?? 0;
        this.headers = res.headers;
        browser.received.push(JSON.stringify(res.headers));
        res.setEncoding('utf8');
        res.on('end', () => (this.ended = true));
        res.on('close', () => (this.ended = true));
        res.on('data', (chunk: string) => {
          browser.received.push(chunk);
          this.raw += chunk;
          this.buffer += chunk;
          let i: number;
          while ((i = this.buffer.indexOf('\n\n')) !== -1) {
            const frame = this.buffer.slice(0, i);
            this.buffer = this.buffer.slice(i + 2);
            const lines = frame.split('\n');
            const get = (k: string) =>
              lines.find((l) => l.startsWith(`${k}: `))?.slice(k.length + 2);
            const event = get('event');
            const data = get('data');
            if (event && data) this.events.push({ id: get('id'), event, data: JSON.parse(data) });
          }
        });
      },
    );
    this.req.on('error', () => {});
  }

  of(event: string) {
    return this.events.filter((e) => e.event === event);
  }

  close() {
    this.req.destroy();
  }
}

/** A small HTTP server in front of the simulator that records what reaches "the gateway". */
export async function captureProxy(target: string) {
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const up = http.request(
      target + (req.url ?? ''),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
