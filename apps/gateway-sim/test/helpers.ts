// Test helpers: a raw HTTP client (fetch refuses a body on GET, which agentbyskill uses) and a
// simulator on a fake clock.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { afterEach } from 'vitest';
import {
  startSimulator,
  type RunningSimulatorWithContext,
  type SimulatorOptions,
} from '../src/index';

/** The gateway envelope as it is on the wire (before any contract parsing). */
export interface Envelope<R = unknown> {
  message: string;
  retcode: string;
  result: R;
  event?: unknown;
}

export interface RawAgent {
  workno: string;
  name: string;
  status: string;
  ctiStatus: string;
  mediatype: string;
  currentstatetime: number;
  logindate: number;
  currentStateReason: number;
  [field: string]: unknown;
}

export interface RawSkill {
  skillId: number;
  skillMediaType: number;
  agent: RawAgent[];
}

export type AllOnline = Envelope<RawSkill[]>;

/** `json` is the parsed body typed as the caller expects it; undefined when it is not JSON. */
export interface Reply<T = Envelope> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: T;
}

export function call<T = Envelope>(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; ca?: string } = {},
): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const body =
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body);
    const u = new URL(url);
    const make = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = make(
      u,
      {
        method: opts.method ?? 'GET',
        headers: {
          'Content-Type': 'application/json; charset=UTF-8',
          ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
          ...opts.headers,
        },
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** 2026-03-10 10:00:00 UTC: a weekday morning, near the daily peak. */
export const T0 = Date.UTC(2026, 2, 10, 10, 0, 0);

export function fakeClock(start = T0): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

const running: RunningSimulatorWithContext[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export interface TestSim extends RunningSimulatorWithContext {
  gw: string;
  clock: FakeClock;
  signIn(
    workno?: string,
    body?: Record<string, unknown>,
    path?: string,
  ): Promise<{ reply: Reply<Envelope<Record<string, unknown>>>; guid: string }>;
  get<T = Envelope>(path: string, guid: string, body?: unknown): Promise<Reply<T>>;
  send<T = Envelope>(
    method: string,
    path: string,
    guid: string | null,
    body?: unknown,
  ): Promise<Reply<T>>;
  control<T = ControlBody>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
}

/** Control API answers as the tests read them. */
export interface ControlBody {
  error?: string;
  id?: string;
  changed?: string[];
  expired?: string[];
  faults?: unknown[];
  agent?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface CountersBody {
  routes: Record<string, number>;
  rejected: { rateLimited: number; auth: number; other: number };
  maxInWindow: Record<string, number>;
  guidsIssued: string[];
  sessions: Record<string, unknown>[];
}

export async function testSim(opts: SimulatorOptions = {}): Promise<TestSim> {
  const clock = fakeClock();
  const sim = await startSimulator({ now: clock.now, pollHoldMs: 100, ...opts });
  running.push(sim);
  const gw = `${sim.url}/agentgateway/resource`;
  const send = <T = Envelope>(method: string, path: string, guid: string | null, body?: unknown) =>
    call<T>(`${gw}/${path}`, { method, body, headers: guid ? { Guid: guid } : {} });
  return Object.assign(sim, {
    gw,
    clock,
    send,
    get: <T = Envelope>(path: string, guid: string, body?: unknown) =>
      send<T>('GET', path, guid, body),
    control: <T = ControlBody>(method: string, path: string, body?: unknown) =>
      call<T>(`${sim.controlUrl}/${path}`, { method, body }),
    signIn: async (workno = '101', body: Record<string, unknown> = {}, path = '') => {
      const reply = await send<Envelope<Record<string, unknown>>>(
        'PUT',
        `onlineagent/${workno}${path}`,
        null,
        {
          password: 'floorwatch',
          phonenum: '88880001',
          ...body,
        },
      );
      return { reply, guid: guidOf(reply) ?? '' };
    },
  });
}

export function guidOf(reply: Reply<unknown>): string | null {
  const raw = reply.headers['set-guid'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return null;
  return v.replace(/^JSESSIONID=/, '');
}
