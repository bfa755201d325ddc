// Starts the product the way an operator would point it at a real gateway: a simulator (the
// "gateway") and the BFF in remote mode against it, with a users file. Remote mode lets the bench
// load its own scenarios into the simulator before the BFF signs in, and lets the BFF run in a
// child process when its RSS/CPU must not include the harness.
import { startFloorwatch, type Tuning } from '@floorwatch/bff';
import {
  ContactCentreEngine,
  startSimulator,
  type RunningSimulatorWithContext,
  type ScenarioDef,
  type ScenarioName,
} from '@floorwatch/gateway-sim';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildReply, ChildRequest } from './bff-child';
import type { FloorReply, FloorRequest } from './floor-child';
import { sleep } from './stats';

export const BFF_AGENT = '101';

export interface ProductOptions {
  scenario: ScenarioName | ScenarioDef;
  pollMs?: number;
  /** Run the BFF in a child process (RSS, CPU). */
  child?: boolean;
  webDist?: string;
  sseHeartbeatMs?: number;
  /** How the BFF reads allonlineagents (raw diff by default; `full` is the old path). */
  ingest?: Tuning['ingest'];
  /** Extra Node flags for the BFF child (e.g. V8 heap sizes). */
  nodeFlags?: string[];
}

export interface ChildHandle {
  pid: number;
  usage(gc?: boolean): Promise<{ cpu: NodeJS.CpuUsage; mem: NodeJS.MemoryUsage }>;
}

export interface Product {
  url: string;
  sim: RunningSimulatorWithContext;
  controlUrl: string;
  pollMs: number;
  child: ChildHandle | null;
  /** Signs in as the bench supervisor; returns the Cookie header value. */
  signIn(): Promise<string>;
  username: string;
  password: string;
  close(): Promise<void>;
}

/** Same format as apps/bff/src/auth/password-hash.ts (scrypt$N$r$p$salt$hash); a low N because
 *  the bench signs in often and the hash cost is not what is being measured. */
export function hashForUsersFile(password: string): string {
  const salt = randomBytes(16);
  const N = 1024;
  const key = scryptSync(password, salt, 32, { N, r: 8, p: 1 });
  return ['scrypt', N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function startSim(
  scenario: ScenarioName | ScenarioDef,
): Promise<RunningSimulatorWithContext> {
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    scenario: typeof scenario === 'string' ? scenario : 'seed',
  });
  if (typeof scenario !== 'string') {
    // SimContext.engine is public and the serializer notices a new engine, so a bench-built
    // scenario needs no new simulator option; nobody has signed in yet at this point.
    sim.context.engine = new ContactCentreEngine(scenario, 1, sim.context.now());
  }
  return sim;
}

async function startChild(
  env: Record<string, string>,
  tuning: Partial<Tuning>,
  nodeFlags: readonly string[],
): Promise<{
  url: string;
  handle: ChildHandle;
  stop: () => Promise<void>;
}> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bff-child.ts');
  const child: ChildProcess = fork(file, [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...nodeFlags],
    env: { ...process.env, NODE_ENV: env.NODE_ENV ?? 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, (r: Extract<ChildReply, { type: 'usage' }>) => void>();
  const ready = new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('BFF child did not start in 60 s')), 60_000);
    child.on('message', (raw: unknown) => {
      const m = raw as ChildReply;
      if (m.type === 'ready') {
        clearTimeout(t);
        resolve(m.url);
      } else if (m.type === 'failed') {
        clearTimeout(t);
        reject(new Error(`BFF child failed: ${m.error}`));
      } else if (m.type === 'usage') {
        pending.get(m.id)?.(m);
        pending.delete(m.id);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`BFF child exited with ${code}`));
    });
  });
  const send = (m: ChildRequest) => child.send(m);
  send({ type: 'start', env, tuning });
  let url: string;
  try {
    url = await ready;
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    handle: {
      pid: child.pid ?? -1,
      usage: (gc = false) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          const t = setTimeout(() => reject(new Error('BFF child did not answer usage')), 30_000);
          pending.set(id, (r) => {
            clearTimeout(t);
            resolve({ cpu: r.cpu, mem: r.mem });
          });
          send({ type: 'usage', id, gc });
        }),
    },
    stop: async () => {
      if (child.exitCode === null && child.connected) send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** CPU ms of each fetch + read of allonlineagents alone, in a process of its own (floor-child.ts). */
export async function measureFloor(
  req: Omit<FloorRequest, 'type'>,
): Promise<{ cpuMs: number[]; bytes: number }> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor-child.ts');
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const reply = await new Promise<FloorReply>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('floor child did not answer in 120 s')), 120_000);
      child.once('message', (m: unknown) => {
        clearTimeout(t);
        resolve(m as FloorReply);
      });
      child.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`floor child exited with ${code}`));
      });
      child.send({ type: 'measure', ...req } satisfies FloorRequest);
    });
    if (reply.type === 'failed') throw new Error(`floor child failed: ${reply.error}`);
    return { cpuMs: reply.cpuMs, bytes: reply.bytes };
  } finally {
    child.kill('SIGKILL');
  }
}

export async function startProduct(opts: ProductOptions): Promise<Product> {
  const pollMs = opts.pollMs ?? 2000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'floorwatch-bench-'));
  const username = 'bench';
  const password = randomBytes(12).toString('base64url');
  const usersFile = path.join(dir, 'users.json');
  writeFileSync(
    usersFile,
    JSON.stringify([
      { username, passwordHash: hashForUsersFile(password), role: 'supervisor', queues: '*' },
    ]),
  );
  const sim = await startSim(opts.scenario);
  const env: Record<string, string> = {
    CCGW_URL: sim.url,
    CCGW_AGENT_ID: BFF_AGENT,
    CCGW_PASSWORD: 'floorwatch',
    CCGW_POLL_MS: String(pollMs),
    FLOORWATCH_USERS: usersFile,
    FLOORWATCH_DATA_DIR: path.join(dir, 'data'),
    FLOORWATCH_COOKIE_SECURE: 'never',
    // Every simulated browser connects from 127.0.0.1; the per-address cap would refuse them.
    FLOORWATCH_MAX_CONNECTIONS_PER_IP: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...(opts.webDist ? { FLOORWATCH_WEB_DIST: opts.webDist } : {}),
  };
  let url: string;
  let child: ChildHandle | null = null;
  let stopBff: () => Promise<void>;
  try {
    const tuning: Partial<Tuning> = {
      ...(opts.ingest ? { ingest: opts.ingest } : {}),
      ...(opts.sseHeartbeatMs ? { sseHeartbeatMs: opts.sseHeartbeatMs } : {}),
    };
    if (opts.child) {
      const c = await startChild(env, tuning, opts.nodeFlags ?? []);
      url = c.url;
      child = c.handle;
      stopBff = c.stop;
    } else {
      const fw = await startFloorwatch({ env, defaultMetrics: false, tuning });
      url = fw.url;
      stopBff = () => fw.close();
    }
  } catch (err) {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const signIn = async (): Promise<string> => {
    const res = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    return cookie.join('; ');
  };

  let closing: Promise<void> | null = null;
  return {
    url,
    sim,
    controlUrl: sim.controlUrl,
    pollMs,
    child,
    signIn,
    username,
    password,
    close: () => {
      closing ??= (async () => {
        await stopBff().catch(() => undefined);
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

// ---- control API ------------------------------------------------------------------------

export async function control<T>(
  controlUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  p: string,
  body?: unknown,
): Promise<T> {
  const send = () =>
    fetch(`${controlUrl}${p}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  // Once more after a network error: a kept-alive socket the simulator closed while the harness
  // was busy in a long synchronous step fails the next request without it being sent.
  const res = await send().catch(send);
  if (res.status !== 200) throw new Error(`${method} ${p} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The BFF's sign-ins and sign-outs as the gateway recorded them (emptied by resetCounters). */
export const signIns = async (controlUrl: string, workno: string) =>
  (
    await control<{ records: { event: string; how: string; at: number }[] }>(
      controlUrl,
      'GET',
      `/signins/${workno}`,
    )
  ).records.filter((r) => r.event === 'signin');

export interface SimCounters {
  routes: Record<string, number>;
  rejected: { rateLimited: number; auth: number; other: number };
  maxInWindow: Record<string, number>;
}

export const counters = (controlUrl: string) =>
  control<SimCounters>(controlUrl, 'GET', '/counters');
export const resetCounters = (controlUrl: string) =>
  control<unknown>(controlUrl, 'POST', '/counters/reset');
export const churn = (controlUrl: string, fraction: number) =>
  control<{ changed: string[] }>(controlUrl, 'POST', '/churn', { fraction });
export const freeze = (controlUrl: string, frozen: boolean) =>
  control<unknown>(controlUrl, 'PUT', '/freeze', { frozen });
export const setState = (controlUrl: string, workno: string, status: number) =>
  control<unknown>(controlUrl, 'POST', `/agents/${workno}/state`, { status });

/** Waits until the BFF has a first snapshot with data (version > 0 and some agents). */
export async function waitForData(
  url: string,
  cookie: string,
  timeoutMs: number,
): Promise<{ version: number; agents: number; queues: number }> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${url}/api/v1/snapshot`, { headers: { cookie } });
    if (res.status === 200) {
      const s = (await res.json()) as { version: number; agents: unknown[]; queues: unknown[] };
      if (s.agents.length > 0)
        return { version: s.version, agents: s.agents.length, queues: s.queues.length };
    }
    await sleep(200);
  }
  throw new Error(`no data from the BFF within ${timeoutMs} ms`);
}
