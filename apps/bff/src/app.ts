// createApp wires the HTTP surface over already-running parts (gateway session, live data). It
// never listens, so tests can mount it anywhere and index.ts owns the process lifecycle.
import type { WallLink } from '@floorwatch/contracts/api';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { createMemoryAttemptStore, type AttemptStore } from './auth/attempt-store';
import { SignInError } from './auth/auth-errors';
import { createAuthService, type AuthService } from './auth/auth-service';
import { createSessionStore, type SessionStore } from './auth/session-store';
import { createSignInLimiter, type LockoutEvent, type SignInLimits } from './auth/sign-in-limiter';
import type { User } from './auth/users-file';
import { hashWallToken, wallLinkUser } from './auth/wall-link-token';
import type { Config } from './config';
import type { GatewaySessionPort } from './gateway/types';
import { adminRouter } from './http/admin-router';
import { AppError } from './http/app-error';
import { refreshWallboardCookie } from './http/auth-middleware';
import { readCookie, SESSION_COOKIE } from './http/cookies';
import { apiNotFound, errorMiddleware } from './http/error-middleware';
import { gatewayProxy } from './http/gateway-proxy';
import { httpMetrics } from './http/http-metrics';
import { liveRouter, liveV2Router } from './http/live-router';
import { localeRouter } from './http/locale-router';
import { httpLogger } from './http/logging';
import { meRouter } from './http/me-router';
import { opsRouter } from './http/ops-router';
import { builtInChecks, type ReadinessCheck } from './http/readiness';
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
  config: Pick<Config, 'gateway' | 'auth' | 'site' | 'webDist' | 'nodeEnv' | 'http'>;
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
  /** Where browser sessions live; in memory unless given (Redis for replicas). */
  sessions?: SessionStore;
  /** On a replica: the proxy's calls made by the leader when this one is a follower. */
  relay?: Parameters<typeof gatewayProxy>[0]['relay'];
}

export interface FloorwatchApp {
  app: Express;
  hub: SseHub;
  /** Whether FLOORWATCH_TRUST_PROXY trusts this peer address as a reverse proxy. */
  trustsProxy(address: string): boolean;
  /** A further condition for /readyz, beside the SPA and the data. */
  addReadinessCheck(check: ReadinessCheck): void;
  /** A wall link changed (its displays' sessions get its new queues) or was deleted (they end);
   *  either way their streams end. For a change made here or on another replica. */
  wallLinkChanged(id: string, link: WallLink | null): void;
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
  const sessions =
    deps.sessions ?? createSessionStore({ ttlHours: config.auth.sessionTtlHours, now });
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
  const auth = countSignIns(
    createAuthService({
      users: deps.users,
      limiter,
      wallLink: async (token) => {
        const link = await deps.settings.useWallLink(hashWallToken(token), now());
        return link ? wallLinkUser(link) : null;
      },
    }),
    deps.metrics,
  );
  const checks = builtInChecks({ webDist: config.webDist, live: deps.live });
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
    relay: deps.relay,
  });
  const spa = staticSpa(config.webDist);
  const secureCookie = (req: Request) =>
    config.auth.cookieSecure === 'always' ||
    (config.auth.cookieSecure === 'auto' && (config.nodeEnv === 'production' || req.secure));

  const wallLinkChanged = (id: string, link: WallLink | null) => {
    const ofLink = (u: User) => u.wallLinkId === id;
    // Open streams are ended either way: a changed link's displays reconnect with its new
    // queues; a deleted link's sessions are gone, so they land on the sign-in page.
    const ids = link
      ? sessions.updateWhere(ofLink, () => wallLinkUser(link))
      : sessions.deleteWhere(ofLink);
    for (const sid of ids) hub.closeSession(sid);
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.set('etag', false);
  app.use(httpMetrics(deps.metrics));
  app.use(httpLogger(deps.logger));
  app.use(securityHeaders);
  app.use(sameOriginOnly({ publicOrigins: config.http.publicOrigins }));
  app.use(refuseLargeBodies);

  // The shared session store's word on the cookie's session, before anything checks it.
  app.use('/api', (req, _res, next) => {
    sessions.sync(readCookie(req, SESSION_COOKIE)).then(() => next(), next);
  });
  app.use(opsRouter({ session: deps.session, live: deps.live, metrics: deps.metrics, checks }));
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
      onWallLinkChanged: wallLinkChanged,
    }),
    liveRouter({ live: deps.live, hub, sessions, now }),
    localeRouter(config.site),
  );
  app.use('/api/v2', refreshWallboardCookie(sessions, secureCookie));
  app.use('/api/v2', liveV2Router({ live: deps.live, hub, sessions, now }));
  app.use('/api', apiNotFound);
  app.use(spa.router);
  app.use((req, _res, next) => next(AppError.notFound(`Nothing at ${req.method} ${req.path}`)));
  app.use(errorMiddleware);

  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return {
    app,
    hub,
    trustsProxy: (address) => trust(address, 0),
    addReadinessCheck: (check) => void checks.push(check),
    wallLinkChanged,
    close() {
      hub.close();
      sessions.close();
      proxy.close();
    },
  };
}

/** Every browser sign-in counted by outcome (floorwatch_user_sign_ins_total). */
function countSignIns(auth: AuthService, metrics: Metrics): AuthService {
  return {
    users: () => auth.users(),
    async authenticate(req, address) {
      try {
        const user = await auth.authenticate(req, address);
        metrics.userSignIns.inc({ outcome: 'ok' });
        return user;
      } catch (err) {
        if (err instanceof SignInError) metrics.userSignIns.inc({ outcome: err.reason });
        throw err;
      }
    },
  };
}
