// The package's test factories: a raw HTTP client (fetch refuses a body on GET, which
// agentbyskill uses), a simulator on a fake clock with gateway and control shortcuts, and the
// set-ups several test files share (a roomy rate limit, a signed-in supervisor, a held poll).
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
  /** The body exactly as it came off the wire. */
  bytes: Buffer;
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
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes,
            text,
            json: json as T,
          });
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
    headers?: Record<string, string>,
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

export interface SignInsBody {
  records: {
    seq: number;
    event: 'signin' | 'signout';
    workno: string;
    at: number;
    how: string;
    mode?: string;
    phone?: string | null;
  }[];
}

/** A rate limit no test reaches, for tests about something else. */
export const ROOMY = { rateLimit: { max: 1000, windowMs: 2000 } } as const;

export async function testSim(opts: SimulatorOptions = {}): Promise<TestSim> {
  const clock = fakeClock();
  const sim = await startSimulator({ now: clock.now, pollHoldMs: 100, ...opts });
  running.push(sim);
  const gw = `${sim.url}/agentgateway/resource`;
  const send = <T = Envelope>(
    method: string,
    path: string,
    guid: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    call<T>(`${gw}/${path}`, {
      method,
      body,
      headers: { ...(guid ? { Guid: guid } : {}), ...headers },
    });
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

/** Signs in supervisor 101 and answers its Guid. */
export async function supervisor(sim: TestSim, workno = '101'): Promise<string> {
  return (await sim.signIn(workno)).guid;
}

/** Polls away the events queued for a session (those of its sign-in), so the next poll is held. */
export async function drainEvents(sim: TestSim, workno: string, guid: string): Promise<void> {
  const queued = () => sim.context.sessions.active(workno, sim.clock.now())?.events.length ?? 0;
  for (let i = 0; i < 10 && queued() > 0; i += 1) {
    const r = await sim.get('agentevent/' + workno, guid);
    if (r.json.retcode !== '0') throw new Error(`poll of ${workno}: ${r.json.retcode}`);
  }
  if (queued() > 0) throw new Error(`events of ${workno} never ran dry`);
}

/**
 * Starts a poll that the simulator holds (the sign-in events must be drained) and resolves once
 * the simulator has it, so what follows acts on a held poll; `answer` is the poll's reply.
 */
export async function heldPoll(
  sim: TestSim,
  workno: string,
  guid: string,
): Promise<{ answer: Promise<Reply> }> {
  const answer = sim.get('agentevent/' + workno, guid);
  const deadline = Date.now() + 5000;
  while (!sim.context.sessions.active(workno, sim.clock.now())?.heldPoll) {
    if (Date.now() > deadline) throw new Error(`the poll of ${workno} was never held`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return { answer };
}

export function guidOf(reply: Reply<unknown>): string | null {
  const raw = reply.headers['set-guid'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return null;
  return v.replace(/^JSESSIONID=/, '');
}
