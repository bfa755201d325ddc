// The BFF process: read the configuration, start (or point at) the gateway, sign in once, poll,
// serve browsers, and on SIGTERM/SIGINT sign out of the gateway before exiting (shutdown.ts).
// startFloorwatch is also what component tests and the e2e/bench fixtures call to run the whole
// product on port 0. Production runs the compiled form (dist/index.js, scripts/bundle.mjs).
import { startSimulator } from '@floorwatch/gateway-sim';
import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { DestinationStream } from 'pino';
import { createApp } from './app';
import { createDemoUsers, type DemoAccess } from './auth/demo-users';
import { loadOrCreateUsers } from './auth/first-run-admin';
import type { SignInLimits } from './auth/sign-in-limiter';
import { loadUsersFile, UsersFileError, weakPasswordHashes, type User } from './auth/users-file';
import { BUILD_INFO } from './build-info';
import { ConfigError, loadConfig, parseConfig, type Config } from './config';
import { createDataSource, type DataSource } from './data-source';
import { createLogger } from './http/logging';
import { createLimitedServer } from './http/server-limits';
import type { ReadinessCheck } from './http/ops-router';
import { createMetrics } from './metrics';
import type { IngestMode } from './monitor/agents-ingest';
import { createShutdown } from './shutdown';
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
  /** How allonlineagents is read (the benchmark measures `full` as its baseline). */
  ingest?: IngestMode;
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
  /** Print the start-up banner with the URL and demo credentials to stderr (the CLI does). */
  banner?: boolean;
  /** Node's default process metrics; off in tests that start many instances. */
  defaultMetrics?: boolean;
}

export interface RunningFloorwatch {
  url: string;
  port: number;
  sim: Simulator | null;
  config: Config;
  /** With REDIS_URL: this replica (leader or follower); null for a single process. */
  replica: DataSource['replica'];
  /** Demo credentials when no users file is configured (embedded simulator only). */
  demo: Omit<DemoAccess, 'users'> | null;
  /** Stops serving, signs out of the gateway, then runs the close hooks. Idempotent. */
  close(): Promise<void>;
  /** A step for close(), run after the gateway sign-out, last added first (for example a
   *  leader releasing its lock). A hook that throws is logged and the next still runs. */
  addCloseHook(name: string, run: () => Promise<void> | void): void;
  /** A further condition for /readyz (for example "the settings store is open"). */
  addReadinessCheck(check: ReadinessCheck): void;
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
  for (const warning of config.ops.warnings) logger.warn(warning);
  if (config.gateway.insecureTls)
    logger.warn(
      'CCGW_INSECURE_TLS is on: the gateway certificate is NOT verified; set CCGW_CA_FILE instead',
    );

  let users: User[];
  let demo: DemoAccess | null = null;
  let firstAdmin: { username: string; password: string } | null = null;
  if (config.auth.usersFile) users = loadUsersFile(config.auth.usersFile);
  // Demo users only with the embedded simulator outside production: a real gateway's first start
  // creates an admin in the data directory named for it (the config requires one or the other).
  else if (
    config.store.dataDir &&
    config.store.dataDirGiven &&
    (config.gateway.mode !== 'embedded' || config.nodeEnv === 'production')
  ) {
    const found = await loadOrCreateUsers(config.store.dataDir);
    users = found.users;
    firstAdmin = found.created;
    if (firstAdmin)
      logger.warn(
        { user: firstAdmin.username, file: found.file },
        'first start: created an admin user; its password is printed once on stderr',
      );
  } else {
    demo = await createDemoUsers();
    users = demo.users;
  }
  const weak = weakPasswordHashes(users);
  if (weak.length > 0)
    logger.warn(
      { users: weak },
      'password hashes below the current cost (scrypt N=2^17): they still work; hash these passwords again with `pnpm --silent hash-password`',
    );
  // Before the simulator: an unusable store stops start-up with nothing left running.
  // Replicas record the same history; only the leader writes it to the shared store.
  let replica: DataSource['replica'] = null;
  const persistent = await startStores({
    config,
    historyStepSec: tuning.historyStepSec ?? 10,
    logger,
    ...(config.redis ? { historyWriter: () => replica?.writesHistory() ?? false } : {}),
  });

  let sim: Simulator | null = null;
  let gatewayUrl: string;
  let ca = config.gateway.ca;
  if (config.gateway.mode === 'embedded') {
    sim = await startSimulator({
      host: '127.0.0.1',
      port: 0,
      scenario: config.sim.scenario,
      locale: config.sim.locale,
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

  const metrics = createMetrics({ defaultMetrics: opts.defaultMetrics ?? true, build: BUILD_INFO });
  const source = createDataSource({
    config: effective,
    logger,
    metrics,
    users,
    settings: persistent.stores.settings,
    session: {
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
    },
    monitor: {
      pollMs: config.gateway.pollMs,
      staleAfterMs: config.gateway.staleAfterMs,
      ...(tuning.acdEveryMs !== undefined ? { acdEveryMs: tuning.acdEveryMs } : {}),
      ...(tuning.skillsEveryMs !== undefined ? { skillsEveryMs: tuning.skillsEveryMs } : {}),
      ...(tuning.historyStepSec !== undefined ? { historyStepSec: tuning.historyStepSec } : {}),
      ...(tuning.ingest ? { ingest: tuning.ingest } : {}),
      history: persistent.history,
      logger,
      metrics,
    },
  });
  const { session, live } = source;
  replica = source.replica;

  const fw = createApp({
    config: effective,
    gatewayUrl,
    session,
    live,
    metrics,
    logger,
    users,
    settings: persistent.stores.settings,
    sse: { heartbeatMs: tuning.sseHeartbeatMs, retryMs: tuning.sseRetryMs },
    ...(tuning.signIn ? { signIn: tuning.signIn } : {}),
    ...(source.shared ?? {}),
  });
  metrics.watchLive(live);
  // A wall link changed on another replica: its displays served here follow, as they would here.
  const unfollow =
    persistent.stores.changes?.subscribe((change) => {
      if (change.kind !== 'wall-link') return;
      persistent.stores.settings.wallLink(change.id).then(
        (link) => fw.wallLinkChanged(change.id, link),
        (err: unknown) =>
          logger.warn({ err: String(err), link: change.id }, 'a wall link change was not applied'),
      );
    }) ?? (() => {});
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

  await source.start();
  persistent.history.start();
  let port: number;
  try {
    port = await listen(server, config.http.port, config.http.host);
  } catch (err) {
    await source.stop();
    fw.close();
    await sim?.close();
    await persistent.close();
    throw err;
  }
  const url = `http://${displayHost(config.http.host)}:${port}`;
  logger.info(
    { url, gateway: config.gateway.mode, version: BUILD_INFO.version, commit: BUILD_INFO.commit },
    'Floorwatch is listening',
  );

  const closeHooks: { name: string; run: () => Promise<void> | void }[] = [];
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      unfollow();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      fw.close(); // ends every live stream, so the server can finish closing
      await source.stop(); // signs out of the gateway (a leader also releases its lock)
      server.closeAllConnections();
      await serverClosed;
      for (const hook of [...closeHooks].reverse()) {
        try {
          await hook.run();
        } catch (err) {
          logger.error({ hook: hook.name, err }, 'close hook failed');
        }
      }
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
    if (firstAdmin) {
      lines.push(
        `  │ First start: username ${firstAdmin.username}   password ${firstAdmin.password}`,
        '  │ Shown only this once; only its hash is kept in the data directory.',
      );
    }
    lines.push('  └───────────────────────────────────────────────────────────────', '');
    // stderr: stdout carries only JSON log lines, so a log shipper never has to parse this.
    process.stderr.write(lines.join('\n') + '\n');
  }

  return {
    url,
    port,
    sim,
    replica: source.replica,
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
    addCloseHook: (name, run) => void closeHooks.push({ name, run }),
    addReadinessCheck: (check) => fw.addReadinessCheck(check),
  };
}

async function main(): Promise<void> {
  // Handlers first: a signal during start-up still ends in one clean sign-out once started.
  let started: Promise<RunningFloorwatch | null> = Promise.resolve(null);
  let timeoutMs = 10_000;
  const shutdown = createShutdown({
    close: async () => {
      const running = await started;
      await running?.close();
    },
    get timeoutMs() {
      return timeoutMs;
    },
  });
  process.on('SIGTERM', () => shutdown.onSignal('SIGTERM'));
  process.on('SIGINT', () => shutdown.onSignal('SIGINT'));
  started = startFloorwatch({ banner: true }).then(
    (running) => {
      timeoutMs = running.config.ops.shutdownTimeoutMs;
      return running;
    },
    (err: unknown) => {
      if (
        err instanceof ConfigError ||
        err instanceof UsersFileError ||
        err instanceof StoreError
      ) {
        process.stderr.write(`${err.message}\n`);
      } else {
        process.stderr.write(
          `Floorwatch failed to start: ${(err as Error).stack ?? String(err)}\n`,
        );
      }
      process.exit(1);
    },
  );
  await started;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) void main();
