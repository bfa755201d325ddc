// The BFF process: read the configuration, start (or point at) the gateway, sign in once, poll,
// serve browsers, and on SIGTERM/SIGINT sign out of the gateway before exiting. startFloorwatch is
// also what component tests and the e2e/bench fixtures call to run the whole product on port 0.
import { startSimulator } from '@floorwatch/gateway-sim';
import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { DestinationStream } from 'pino';
import { createApp } from './app';
import { createDemoUsers, type DemoAccess } from './auth/demo-users';
import type { SignInLimits } from './auth/sign-in-limiter';
import { loadUsersFile, UsersFileError, type User } from './auth/users-file';
import { ConfigError, loadConfig, parseConfig, type Config } from './config';
import { createGatewaySession } from './gateway/gateway-session';
import { createLogger } from './http/logging';
import { createLimitedServer } from './http/server-limits';
import { createMetrics } from './metrics';
import { createMonitor } from './monitor/monitor';
import { startStores } from './store/start-stores';
import { StoreError } from './store/types';

type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>;
type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** Timings that are not worth an environment key but that tests need to shorten. */
export interface Tuning {
  requestTimeoutMs: number;
  pollTimeoutMs: number;
  deadAfterMs: number;
  backoff: { initialMs: number; maxMs: number };
  fatalRetryMs: number;
  /** The live stream's periodic heartbeat; the poll interval when unset. */
  sseHeartbeatMs?: number;
  sseRetryMs: number;
  acdEveryMs?: number;
  skillsEveryMs?: number;
  historyStepSec?: number;
  /** Sign-in limits and delays (tests shorten the delays). */
  signIn?: Partial<SignInLimits>;
}

const DEFAULT_TUNING: Tuning = {
  requestTimeoutMs: 10_000,
  // The gateway holds an event poll for about 10 s (docs/gateway.md §Keep-alive and idle sign-out).
  pollTimeoutMs: 20_000,
  // The gateway signs a silent agent out after 120 s; give up on the session a little earlier.
  deadAfterMs: 100_000,
  backoff: { initialMs: 1000, maxMs: 30_000 },
  fatalRetryMs: 5 * 60_000,
  sseRetryMs: 3000,
};

export interface StartOptions {
  /** Replaces process.env when given (tests); otherwise the real environment is read. */
  env?: Record<string, string | undefined>;
  /** Extra options for the embedded simulator (used only when CCGW_URL is unset). */
  sim?: Partial<SimOptions>;
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  tuning?: Partial<Tuning>;
  /** Print the start-up banner with the URL and demo credentials (the CLI does). */
  banner?: boolean;
  /** Node's default process metrics; off in tests that start many instances. */
  defaultMetrics?: boolean;
}

export interface RunningFloorwatch {
  url: string;
  port: number;
  sim: Simulator | null;
  config: Config;
  /** Demo credentials when no users file is configured (embedded simulator only). */
  demo: Omit<DemoAccess, 'users'> | null;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startFloorwatch(opts: StartOptions = {}): Promise<RunningFloorwatch> {
  const config = opts.env ? parseConfig(opts.env) : loadConfig();
  const tuning: Tuning = { ...DEFAULT_TUNING, ...opts.tuning };
  const logger = createLogger({
    level: config.logLevel,
    ...(opts.logDestination ? { destination: opts.logDestination } : {}),
  });
  if (config.gateway.insecureTls)
    logger.warn(
      'CCGW_INSECURE_TLS is on: the gateway certificate is NOT verified; set CCGW_CA_FILE instead',
    );

  let users: User[];
  let demo: DemoAccess | null = null;
  if (config.auth.usersFile) users = loadUsersFile(config.auth.usersFile);
  else {
    demo = await createDemoUsers();
    users = demo.users;
  }
  // Before the simulator: an unusable data directory stops start-up with nothing left running.
  const persistent = await startStores({
    config,
    historyStepSec: tuning.historyStepSec ?? 10,
    logger,
  });

  let sim: Simulator | null = null;
  let gatewayUrl: string;
  let ca = config.gateway.ca;
  if (config.gateway.mode === 'embedded') {
    sim = await startSimulator({
      host: '127.0.0.1',
      port: 0,
      scenario: config.sim.scenario,
      password: config.gateway.password,
      ...opts.sim,
    });
    gatewayUrl = sim.url;
    ca = sim.ca ?? ca;
    logger.info({ url: sim.url, scenario: config.sim.scenario }, 'embedded gateway simulator');
  } else {
    gatewayUrl = config.gateway.url ?? '';
  }
  const effective: Config = { ...config, gateway: { ...config.gateway, url: gatewayUrl, ca } };

  const metrics = createMetrics({ defaultMetrics: opts.defaultMetrics ?? true });
  const session = createGatewaySession({
    baseUrl: gatewayUrl,
    agentId: config.gateway.agentId,
    password: config.gateway.password,
    ...(config.gateway.phone ? { phone: config.gateway.phone } : {}),
    ...(ca ? { ca } : {}),
    insecureTls: config.gateway.insecureTls,
    forceLogin: config.gateway.forceLogin,
    budget: config.gateway.budget,
    requestTimeoutMs: tuning.requestTimeoutMs,
    pollTimeoutMs: tuning.pollTimeoutMs,
    deadAfterMs: tuning.deadAfterMs,
    backoff: tuning.backoff,
    fatalRetryMs: tuning.fatalRetryMs,
    noRightProbeMs: config.gateway.noRightProbeMs,
    logger,
    metrics,
  });
  const monitor = createMonitor({
    session,
    pollMs: config.gateway.pollMs,
    staleAfterMs: config.gateway.staleAfterMs,
    ...(tuning.acdEveryMs !== undefined ? { acdEveryMs: tuning.acdEveryMs } : {}),
    ...(tuning.skillsEveryMs !== undefined ? { skillsEveryMs: tuning.skillsEveryMs } : {}),
    ...(tuning.historyStepSec !== undefined ? { historyStepSec: tuning.historyStepSec } : {}),
    history: persistent.history,
    logger,
    metrics,
  });

  const fw = createApp({
    config: effective,
    gatewayUrl,
    session,
    live: monitor,
    metrics,
    logger,
    users,
    settings: persistent.stores.settings,
    sse: { heartbeatMs: tuning.sseHeartbeatMs, retryMs: tuning.sseRetryMs },
    ...(tuning.signIn ? { signIn: tuning.signIn } : {}),
  });
  const server = createLimitedServer(fw.app, {
    requestTimeoutMs: config.http.requestTimeoutMs,
    maxConnectionsPerIp: config.http.maxConnectionsPerIp,
    exempt: (address) => fw.trustsProxy(address),
    onCapped: (address) =>
      logger.warn(
        { address, max: config.http.maxConnectionsPerIp },
        'connection cap reached: further connections from this address are refused',
      ),
    onRefused: () => metrics.connectionsRefused.inc(),
  });

  await session.start();
  monitor.start();
  persistent.history.start();
  let port: number;
  try {
    port = await listen(server, config.http.port, config.http.host);
  } catch (err) {
    await monitor.stop();
    await session.stop();
    fw.close();
    await sim?.close();
    await persistent.close();
    throw err;
  }
  const url = `http://${displayHost(config.http.host)}:${port}`;
  logger.info({ url, gateway: config.gateway.mode }, 'Floorwatch is listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      fw.close(); // ends every live stream, so the server can finish closing
      await monitor.stop();
      await session.stop(); // signs out of the gateway
      server.closeAllConnections();
      await serverClosed;
      await sim?.close();
      await persistent.close(); // writes the last history steps
      logger.info('Floorwatch stopped');
    })();
    return closing;
  };

  if (opts.banner) {
    const lines = [
      '',
      '  ┌───────────────────────────────────────────────────────────────',
      `  │ Floorwatch is running at ${url}`,
      sim
        ? `  │ Gateway: embedded simulator (scenario ${config.sim.scenario}) at ${sim.url}`
        : `  │ Gateway: ${gatewayUrl} as agent ${config.gateway.agentId}`,
    ];
    if (demo) {
      lines.push(
        `  │ Demo sign-in:  username ${demo.username}   password ${demo.password}`,
        `  │ Demo admin:    username ${demo.admin.username}   password ${demo.admin.password}`,
        `  │ Wallboard:     ${url}/wall?token=${demo.wallToken}`,
        '  │ (a new password on every start; set FLOORWATCH_USERS for real users)',
      );
    }
    lines.push('  └───────────────────────────────────────────────────────────────', '');
    process.stdout.write(lines.join('\n') + '\n');
  }

  return {
    url,
    port,
    sim,
    config: effective,
    demo: demo
      ? {
          username: demo.username,
          password: demo.password,
          wallToken: demo.wallToken,
          admin: demo.admin,
        }
      : null,
    close,
  };
}

async function main(): Promise<void> {
  let running: RunningFloorwatch;
  try {
    running = await startFloorwatch({ banner: true });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsersFileError || err instanceof StoreError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`Floorwatch failed to start: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without a clean sign-out\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`${signal}: signing out of the gateway and stopping\n`);
    setTimeout(() => {
      process.stderr.write('shutdown took longer than 10 s: exiting\n');
      process.exit(1);
    }, 10_000).unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) void main();
