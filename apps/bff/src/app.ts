// createApp wires the HTTP surface over already-running parts (gateway session, live data). It
// never listens, so tests can mount it anywhere and index.ts owns the process lifecycle.
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { createMemoryAttemptStore, type AttemptStore } from './auth/attempt-store';
import { createAuthService } from './auth/auth-service';
import { createSessionStore } from './auth/session-store';
import { createSignInLimiter, type LockoutEvent, type SignInLimits } from './auth/sign-in-limiter';
import type { User } from './auth/users-file';
import { hashWallToken, wallLinkUser } from './auth/wall-link-token';
import type { Config } from './config';
import type { GatewaySessionPort } from './gateway/types';
import { adminRouter } from './http/admin-router';
import { AppError } from './http/app-error';
import { refreshWallboardCookie } from './http/auth-middleware';
import { apiNotFound, errorMiddleware } from './http/error-middleware';
import { gatewayProxy } from './http/gateway-proxy';
import { liveRouter } from './http/live-router';
import { httpLogger } from './http/logging';
import { meRouter } from './http/me-router';
import { opsRouter } from './http/ops-router';
import { sameOriginOnly } from './http/origin-check';
import { MAX_BODY_BYTES, refuseLargeBodies } from './http/request-limits';
import { securityHeaders } from './http/security-headers';
import { sessionRouter } from './http/session-router';
import { settingsRouter } from './http/settings-router';
import { staticSpa } from './http/static-spa';
import { createSseHub, type SseHub } from './live/sse-hub';
import type { Metrics } from './metrics';
import type { LiveData } from './monitor/types';
import type { SettingsStore } from './store/types';

export interface AppDeps {
  config: Pick<Config, 'gateway' | 'auth' | 'webDist' | 'nodeEnv' | 'http'>;
  /** The gateway base URL actually used (the embedded simulator's when CCGW_URL is unset). */
  gatewayUrl: string;
  session: GatewaySessionPort;
  live: LiveData;
  metrics: Metrics;
  logger: Logger;
  users: User[];
  /** Shared settings, wall links, saved views, preferences and the audit log. */
  settings: SettingsStore;
  now?: () => number;
  sse?: { heartbeatMs?: number; retryMs?: number; ringSize?: number };
  signIn?: Partial<SignInLimits>;
  /** Where sign-in attempts are counted; in memory unless given. */
  attempts?: AttemptStore;
}

export interface FloorwatchApp {
  app: Express;
  hub: SseHub;
  /** Whether FLOORWATCH_TRUST_PROXY trusts this peer address as a reverse proxy. */
  trustsProxy(address: string): boolean;
  /** Ends every live stream and releases timers; the HTTP server is closed by its owner. */
  close(): void;
}

const LOCKOUT_MESSAGES: Record<LockoutEvent['scope'], string> = {
  'address-user': 'sign-in lockout: this address is refused for this user until the window ends',
  address: 'sign-in lockout: this address is refused for every user until the window ends',
  user: 'sign-in lockout: this user is slowed down from every address until the window ends',
};

export function createApp(deps: AppDeps): FloorwatchApp {
  const now = deps.now ?? Date.now;
  const { config } = deps;
  const sessions = createSessionStore({ ttlHours: config.auth.sessionTtlHours, now });
  const limiter = createSignInLimiter({
    store: deps.attempts ?? createMemoryAttemptStore({ now }),
    ...(deps.signIn ? { limits: deps.signIn } : {}),
    now,
    onLockout: (e) => {
      deps.metrics.signInLockouts.inc({ scope: e.scope });
      deps.logger.warn(
        {
          scope: e.scope,
          address: e.address,
          user: e.user?.slice(0, 64) ?? null,
          failures: e.failures,
          windowSec: e.windowMs / 1000,
        },
        LOCKOUT_MESSAGES[e.scope],
      );
    },
  });
  const auth = createAuthService({
    users: deps.users,
    limiter,
    wallLink: async (token) => {
      const link = await deps.settings.useWallLink(hashWallToken(token), now());
      return link ? wallLinkUser(link) : null;
    },
  });
  const hub = createSseHub({
    live: deps.live,
    metrics: deps.metrics,
    logger: deps.logger.child({ component: 'sse-hub' }),
    isSessionValid: (id) => sessions.get(id) !== null,
    now,
    ...deps.sse,
  });
  const proxy = gatewayProxy({
    session: deps.session,
    sessions,
    metrics: deps.metrics,
    baseUrl: deps.gatewayUrl,
    ca: config.gateway.ca,
    insecureTls: config.gateway.insecureTls,
  });
  const spa = staticSpa(config.webDist);
  const secureCookie = (req: Request) =>
    config.auth.cookieSecure === 'always' ||
    (config.auth.cookieSecure === 'auto' && (config.nodeEnv === 'production' || req.secure));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);
  app.use(httpLogger(deps.logger));
  app.use(securityHeaders);
  app.use(sameOriginOnly({ publicOrigins: config.http.publicOrigins }));
  app.use(refuseLargeBodies);

  app.use(opsRouter({ session: deps.session, live: deps.live, metrics: deps.metrics }));
  // Before the JSON parser: the proxy forwards nothing of the browser's body anyway.
  app.use('/api/v1/gateway', proxy.router);
  app.use('/api', express.json({ limit: MAX_BODY_BYTES }));
  app.use('/api/v1', refreshWallboardCookie(sessions, secureCookie));
  app.use(
    '/api/v1',
    sessionRouter({
      auth,
      sessions,
      secureCookie,
      onSignOut: (id) => hub.closeSession(id),
      store: deps.settings,
    }),
    settingsRouter({
      sessions,
      store: deps.settings,
      pollMs: config.gateway.pollMs,
      staleAfterMs: config.gateway.staleAfterMs,
      release: () => spa.release(),
    }),
    meRouter({ sessions, store: deps.settings, now }),
    adminRouter({
      sessions,
      store: deps.settings,
      now,
      onWallLinkChanged: (id, link) => {
        const ofLink = (u: User) => u.wallLinkId === id;
        // Open streams are ended either way: a changed link's displays reconnect with its new
        // queues; a deleted link's sessions are gone, so they land on the sign-in page.
        const ids = link
          ? sessions.updateWhere(ofLink, () => wallLinkUser(link))
          : sessions.deleteWhere(ofLink);
        for (const sid of ids) hub.closeSession(sid);
      },
    }),
    liveRouter({ live: deps.live, hub, sessions, now }),
  );
  app.use('/api', apiNotFound);
  app.use(spa.router);
  app.use((req, _res, next) => next(AppError.notFound(`Nothing at ${req.method} ${req.path}`)));
  app.use(errorMiddleware);

  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return {
    app,
    hub,
    trustsProxy: (address) => trust(address, 0),
    close() {
      hub.close();
      sessions.close();
      proxy.close();
    },
  };
}
