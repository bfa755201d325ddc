// Where the live data comes from: this process's own gateway session and monitor, or, with
// REDIS_URL, a replica of several sharing one session through Redis (src/ha). Either way the HTTP
// layer gets a session port and the live data, and index.ts starts and stops them.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { AttemptStore } from './auth/attempt-store';
import type { SessionStore } from './auth/session-store';
import type { User } from './auth/users-file';
import { wallLinkIdOf, wallLinkUser } from './auth/wall-link-token';
import type { Config } from './config';
import { createGatewaySession, type GatewaySessionOptions } from './gateway/gateway-session';
import type { GatewayAnswer, GatewayQueryRoute, GatewaySessionPort } from './gateway/types';
import { createRedisAttemptStore } from './ha/redis-attempt-store';
import { newRedisClient, RECONNECT_MAX_MS } from './ha/redis-client';
import { createRedisSessionStore } from './ha/redis-session-store';
import { createReplica, type Replica } from './ha/replica';
import type { Metrics } from './metrics';
import type { DurableHistory, RecordingHistory } from './monitor/durable-history';
import { createMonitor, type MonitorOptions } from './monitor/monitor';
import type { LiveData } from './monitor/types';
import type { SettingsStore } from './store/types';

export interface DataSource {
  session: GatewaySessionPort;
  live: LiveData;
  /** With REDIS_URL: the replica (leader or follower). */
  replica: Replica | null;
  /** With REDIS_URL: browser sessions and sign-in attempts shared by every replica. */
  shared: {
    sessions: SessionStore;
    attempts: AttemptStore;
    relay: (route: GatewayQueryRoute, params: Record<string, string>) => Promise<GatewayAnswer>;
  } | null;
  start(): Promise<void>;
  /** Stops polling and signs out of the gateway (a leader also releases its lock). */
  stop(): Promise<void>;
}

export function createDataSource(opts: {
  config: Config;
  session: Omit<GatewaySessionOptions, 'maySignIn'>;
  monitor: Omit<MonitorOptions, 'session' | 'start' | 'history'> & { history: DurableHistory };
  /** Where a replica finds a wall display's stored link (sessions are shared, links too). */
  settings: SettingsStore;
  logger: Logger;
  metrics: Metrics;
  users: readonly User[];
}): DataSource {
  const { config } = opts;
  if (!config.redis) {
    const session = createGatewaySession(opts.session);
    const monitor = createMonitor({ ...opts.monitor, session });
    return {
      session,
      live: monitor,
      replica: null,
      shared: null,
      async start() {
        await session.start();
        monitor.start();
      },
      async stop() {
        await monitor.stop();
        await session.stop(); // signs out of the gateway
      },
    };
  }
  // The replica keeps serving its last data while Redis is away (redis-client.ts).
  const client = () => newRedisClient(config.redis!.url);
  const redis = client();
  // A leader's monitor records nothing: its replica records the same commits (replica-live).
  const notRecorded: RecordingHistory = {
    record: () => {},
    query: (q) => ({
      stepSec: opts.monitor.historyStepSec ?? 10,
      from: q.from,
      to: q.to,
      queues: [],
    }),
  };
  const replica = createReplica({
    redis,
    subscriber: client(),
    prefix: config.redis.prefix,
    replicaId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    ttlMs: config.redis.leaderTtlMs,
    reconnectMaxMs: RECONNECT_MAX_MS,
    pollMs: config.gateway.pollMs,
    staleAfterMs: config.gateway.staleAfterMs,
    agentId: config.gateway.agentId,
    ...(opts.monitor.historyStepSec !== undefined
      ? { historyStepSec: opts.monitor.historyStepSec }
      : {}),
    history: opts.monitor.history,
    newSession: (maySignIn) => createGatewaySession({ ...opts.session, maySignIn }),
    newMonitor: (session, start) =>
      createMonitor({ ...opts.monitor, history: notRecorded, session, start }),
    logger: opts.logger,
  });
  return {
    session: replica.session,
    live: replica.live,
    replica,
    shared: {
      sessions: createRedisSessionStore({
        redis,
        subscriber: client(),
        prefix: config.redis.prefix,
        ttlHours: config.auth.sessionTtlHours,
        users: opts.users,
        resolveUser: async (username) => {
          const id = wallLinkIdOf(username);
          const link = id === null ? null : await opts.settings.wallLink(id);
          return link ? wallLinkUser(link) : null;
        },
        logger: opts.logger,
      }),
      attempts: createRedisAttemptStore({ redis, prefix: config.redis.prefix }),
      relay: (route, params) => replica.relay.call(route, params),
    },
    start: () => replica.start(),
    stop: () => replica.stop(),
  };
}
