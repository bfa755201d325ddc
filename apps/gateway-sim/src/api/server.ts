// Starts the simulator: one node:http(s) server for the gateway API and the control API.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { GATEWAY_BASE_PATH } from '@floorwatch/contracts';
import type { ScenarioName } from '../scenarios/index';
import type { Locale } from '../scenarios/locale';
import { SimContext, type ResolvedOptions } from './context';
import { handleControl } from './control/index';
import { handleGateway } from './gateway/pipeline';
import { sendJson } from './http-io';
import type { RefusalMode } from './rate-limiter';

export const CONTROL_BASE_PATH = '/sim-control';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  scenario?: ScenarioName;
  seed?: number;
  /** Names of agents, queues and teams in `small`, `large` and `dense` (default `en`). */
  locale?: Locale;
  password?: string;
  https?: boolean;
  pollHoldMs?: number;
  guidIntervalMs?: number;
  guidTimeoutMs?: number;
  idleSignOutMs?: number;
  rateLimit?: { max: number; windowMs: number };
  /** How a call over the rate limit is answered (default `retcode`: 000-007). */
  rateLimitRefusal?: RefusalMode;
  authMode?: 'dynamic' | 'static';
  now?: () => number;
}

export interface RunningSimulator {
  url: string;
  controlUrl: string;
  ca: string | null;
  close(): Promise<void>;
}

/** A started simulator plus its internals, for tests that want to look inside. */
export interface RunningSimulatorWithContext extends RunningSimulator {
  context: SimContext;
}

/** Defaults are the gateway's documented ones; a contradictory set throws, naming the option. */
export function resolveOptions(opts: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    scenario: opts.scenario ?? 'small',
    seed: opts.seed ?? 1,
    locale: opts.locale ?? 'en',
    password: opts.password ?? 'floorwatch',
    https: opts.https ?? false,
    pollHoldMs: opts.pollHoldMs ?? 10_000,
    guidIntervalMs: opts.guidIntervalMs ?? 60_000,
    guidTimeoutMs: opts.guidTimeoutMs ?? 120_000,
    idleSignOutMs: opts.idleSignOutMs ?? 120_000,
    rateLimit: {
      max: opts.rateLimit?.max ?? 5,
      windowMs: opts.rateLimit?.windowMs ?? 2000,
      refusal: opts.rateLimitRefusal ?? 'retcode',
    },
    authMode: opts.authMode ?? 'dynamic',
    now: opts.now ?? Date.now,
  };
  // docs/gateway.md §Guid rotation: GUIDTIMEOUT must be greater than GUIDINTERVAL, or a client
  // that polls without a break would still lose its Guid between two rotations.
  if (resolved.authMode === 'dynamic' && resolved.guidTimeoutMs <= resolved.guidIntervalMs) {
    throw new Error(
      `startSimulator: guidTimeoutMs (${resolved.guidTimeoutMs}) must be greater than guidIntervalMs (${resolved.guidIntervalMs})`,
    );
  }
  return resolved;
}

function handler(ctx: SimContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const run = async (): Promise<void> => {
      if (path === GATEWAY_BASE_PATH || path.startsWith(`${GATEWAY_BASE_PATH}/`)) {
        await handleGateway(ctx, req, res, path.slice(GATEWAY_BASE_PATH.length));
      } else if (path === CONTROL_BASE_PATH || path.startsWith(`${CONTROL_BASE_PATH}/`)) {
        await handleControl(ctx, req, res, path.slice(CONTROL_BASE_PATH.length));
      } else {
        req.resume();
        sendJson(res, 404, { message: 'Invalid URL', retcode: '000-002', result: null });
      }
    };
    run().catch((err: unknown) => {
      // Never a stack trace on the wire: the gateway's own "operation exception" instead.
      console.error('[gateway-sim] handler error', err);
      sendJson(res, 200, { message: 'Operation exception', retcode: '100-007', result: null });
    });
  };
}

async function selfSignedCert(host: string): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          ...(host !== '127.0.0.1' && host !== 'localhost'
            ? [
                /^[\d.]+$/.test(host)
                  ? { type: 7 as const, ip: host }
                  : { type: 2 as const, value: host },
              ]
            : []),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export async function startSimulator(
  opts: SimulatorOptions = {},
): Promise<RunningSimulatorWithContext> {
  const resolved = resolveOptions(opts);
  const ctx = new SimContext(resolved);
  let ca: string | null = null;
  let server: Server;
  if (resolved.https) {
    const { key, cert } = await selfSignedCert(resolved.host);
    ca = cert;
    server = createHttpsServer({ key, cert }, handler(ctx));
  } else {
    server = createHttpServer(handler(ctx));
  }
  // A held long poll must outlive the default request timeouts of node:http.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  // An idle keep-alive socket is closed well after any client's own idle limit, never while a
  // client is reusing it: a close racing a reused socket was an ECONNRESET on a loaded host.
  server.keepAliveTimeout = 65_000;

  // Idle sign-out and Guid expiry are lazy on each request; this sweep makes them visible to a
  // session nobody talks to any more (counters, a poll left hanging by a dead client). It also
  // keeps the engine caught up, so a request after a long quiet spell does not replay hours of
  // steps at once; the state is the same however often the engine is advanced.
  const sweep = setInterval(() => {
    ctx.sessions.expireIdle(ctx.now());
    ctx.engineNow();
  }, 1000);
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const url = `${resolved.https ? 'https' : 'http'}://${hostForUrl}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url,
    controlUrl: `${url}${CONTROL_BASE_PATH}`,
    ca,
    context: ctx,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(sweep);
        ctx.faults.releaseHung();
        server.close(() => resolve());
        // Held polls and keep-alive sockets would keep close() waiting for ever.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
