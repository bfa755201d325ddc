// Shared helpers for the gateway and monitor component tests: the real simulator on loopback,
// its control API, a bounded wait (never a fixed sleep) and a pino logger captured in memory.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { startSimulator, type SimulatorOptions } from '@floorwatch/gateway-sim';
import { createMetrics, type Metrics } from '../../src/metrics';
import {
  createGatewaySession,
  type GatewaySession,
  type GatewaySessionOptions,
} from '../../src/gateway/gateway-session';
import { createExchange } from '../../src/gateway/exchange';
import { createGatewayClient } from '../../src/gateway/gateway-client';
import { createGuidSlot } from '../../src/gateway/guid-slot';
import { createRateBudget } from '../../src/gateway/rate-budget';

export type Sim = Awaited<ReturnType<typeof startSimulator>>;
export type { SimulatorOptions };

export const PASSWORD = 'floorwatch';

export function startSim(opts: SimulatorOptions = {}): Promise<Sim> {
  return startSimulator({ port: 0, scenario: 'seed', pollHoldMs: 300, ...opts });
}

export async function control<T = unknown>(
  sim: Sim,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sim.controlUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Counters {
  routes: Record<string, number>;
  rejected: { rateLimited: number; auth: number; other: number };
  maxInWindow: Record<string, number>;
  guidsIssued: string[];
  sessions: Array<{ workno: string; signedIn: boolean; guid: string | null; pollWaiting: boolean }>;
}

export const counters = (sim: Sim): Promise<Counters> => control<Counters>(sim, 'GET', '/counters');

/** Polls `check` until it returns a truthy value; fails after timeoutMs with the last error. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 20, what = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : JSON.stringify(e);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface CapturedLog {
  logger: Logger;
  text(): string;
}

export function captureLogger(): CapturedLog {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), text: () => lines.join('') };
}

export function sessionOptions(
  sim: Sim,
  over: Partial<GatewaySessionOptions> = {},
): GatewaySessionOptions {
  return {
    baseUrl: sim.url,
    agentId: '101',
    password: PASSWORD,
    phone: '70101',
    forceLogin: true,
    budget: { max: 5, windowMs: 2000 },
    requestTimeoutMs: 5000,
    pollTimeoutMs: 5000,
    deadAfterMs: 20_000,
    backoff: { initialMs: 50, maxMs: 400 },
    fatalRetryMs: 1500,
    // Short, so tests of a refused data query see its probe without waiting 30 s.
    noRightProbeMs: 600,
    logger: captureLogger().logger,
    metrics: createMetrics({ defaultMetrics: false }),
    ...over,
  };
}

/** Starts a session and registers it for cleanup. */
export function openSession(
  sim: Sim,
  cleanup: Array<() => Promise<void>>,
  over: Partial<GatewaySessionOptions> = {},
): GatewaySession {
  const s = createGatewaySession(sessionOptions(sim, over));
  cleanup.push(() => s.stop());
  return s;
}

export function metricValue(
  m: Metrics,
  name: keyof Metrics,
  labels: Record<string, string>,
): Promise<number> {
  const metric = m[name] as unknown as {
    get(): Promise<{ values: Array<{ labels: Record<string, string | number>; value: number }> }>;
  };
  return metric.get().then((r) => {
    const v = r.values.find((x) => Object.entries(labels).every(([k, val]) => x.labels[k] === val));
    return v?.value ?? 0;
  });
}

/** The session's building blocks on their own, against a simulator: for the module tests. */
export function parts(sim: Sim, cleanup: Array<() => Promise<void>>, agentId = '101') {
  const log = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const client = createGatewayClient({ baseUrl: sim.url });
  const budget = createRateBudget({ max: 5, windowMs: 2000 });
  const guids = createGuidSlot(log.logger);
  const exchange = createExchange({ client, metrics, agentId, guids });
  cleanup.push(() => {
    budget.close();
    client.close();
    return Promise.resolve();
  });
  return { log, metrics, client, budget, guids, exchange, agentId };
}
