// Read-only pass-through to the gateway's query interfaces, for supervisors who need a raw answer
// the dashboard does not show. The Guid is the BFF's credential: it is added here, taken back from
// Set-GUID, and never reaches the browser. Nothing of the caller (cookies, authorization,
// forwarding headers) reaches the gateway, and every call spends the same per-agent budget.
// Nothing of the gateway's answer headers reaches the browser either, except the JSON type and
// length: the answer carries Floorwatch's own security headers, never a CSP, CORS grant or cookie
// that a compromised or misconfigured gateway might send.
import type { ErrorBody } from '@floorwatch/contracts/api';
import {
  GATEWAY_BASE_PATH,
  GATEWAY_ROUTES,
  gatewayPath,
  routeParams,
  type GatewayRouteName,
} from '@floorwatch/contracts/gateway';
import type { Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { SessionStore } from '../auth/session-store';
import type { GatewayAnswer, GatewayQueryRoute, GatewaySessionPort } from '../gateway/types';
import type { Metrics } from '../metrics';
import { AppError } from './app-error';
import { authOf, requireAuth, requireRole } from './auth-middleware';

interface Rule {
  route: GatewayRouteName;
  /** The path below /api/v1/gateway: the gateway's without the agent id (always the BFF's). */
  path: string;
  match: RegExp;
  /** Names of the path parameters, in the order `match` captures them. */
  params: string[];
}

const QUERY_PARAM = '(\\d{1,9})';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function ruleFor(route: GatewayRouteName): Rule {
  const browserPath = GATEWAY_ROUTES[route].path.replace('/{agentId}', '');
  // Every other parameter of a query route is a skill id or work number: digits only.
  const pattern = browserPath
    .split(/\{\w+\}/)
    .map(escapeRegExp)
    .join(QUERY_PARAM);
  return {
    route,
    path: browserPath,
    match: new RegExp(`^${pattern}$`),
    params: routeParams(browserPath),
  };
}

/** The read-only allow-list: every GET query route of the gateway route table. */
export const PROXY_RULES: readonly Rule[] = (Object.keys(GATEWAY_ROUTES) as GatewayRouteName[])
  .filter((name) => GATEWAY_ROUTES[name].kind === 'query' && GATEWAY_ROUTES[name].method === 'GET')
  .map(ruleFor);

/** The only request headers sent upstream (plus Host, set by changeOrigin). */
const UPSTREAM_HEADERS = new Set(['host', 'content-type', 'guid', 'accept']);
/** Gateway answers are JSON; anything else (an HTML error page, an SVG) is not passed on. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

interface Pending {
  path: string;
  route: string;
  guid: string;
}

export function gatewayProxy(deps: {
  session: GatewaySessionPort;
  sessions: SessionStore;
  metrics: Metrics;
  baseUrl: string;
  ca: string | null;
  insecureTls: boolean;
  timeoutMs?: number;
  /** On a follower replica (no Guid here): the call made by the leader (src/ha/proxy-relay). */
  relay?:
    | ((route: GatewayQueryRoute, params: Record<string, string>) => Promise<GatewayAnswer>)
    | undefined;
}): { router: Router; close(): void } {
  const pending = new WeakMap<IncomingMessage, Pending>();
  const https = deps.baseUrl.startsWith('https:');
  const agent = https
    ? new HttpsAgent({
        keepAlive: true,
        ...(deps.ca ? { ca: deps.ca } : {}),
        rejectUnauthorized: !deps.insecureTls,
      })
    : undefined;

  const fail = (
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    details?: unknown,
  ) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: deps.baseUrl,
    changeOrigin: true,
    xfwd: false,
    secure: !deps.insecureTls,
    ...(agent ? { agent } : {}),
    proxyTimeout: deps.timeoutMs ?? 10_000,
    // Answers are written by the proxyRes handler below, with allow-listed headers only.
    selfHandleResponse: true,
    timeout: deps.timeoutMs ?? 10_000,
    // Only allow-listed paths prepared above ever reach the gateway; anything else is a dead end.
    pathRewrite: (_path, req) => pending.get(req)?.path ?? `${GATEWAY_BASE_PATH}/__refused__`,
    // The default plugins log target URLs and answer errors as text; ours answer ErrorBody.
    ejectPlugins: true,
    plugins: [
      (server) => {
        server.on('proxyReq', (proxyReq: ClientRequest, req: IncomingMessage) => {
          for (const name of proxyReq.getHeaderNames())
            if (!UPSTREAM_HEADERS.has(name.toLowerCase())) proxyReq.removeHeader(name);
          proxyReq.setHeader('Content-Type', 'application/json; charset=UTF-8');
          const p = pending.get(req);
          if (p) proxyReq.setHeader('Guid', p.guid);
        });
        server.on(
          'proxyRes',
          (proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse) => {
            deps.session.offerSetGuid(proxyRes.headers['set-guid']);
            const p = pending.get(req);
            deps.metrics.upstreamRequests.inc({
              route: `proxy:${p?.route ?? 'unknown'}`,
              retcode: `HTTP_${proxyRes.statusCode ?? 0}`,
            });
            const status = proxyRes.statusCode ?? 0;
            // The SPA reads 401/403 as "signed out of Floorwatch" and other statuses as ours:
            // a gateway refusing the BFF is a bad gateway answer, whatever status it chose.
            if (status < 200 || status >= 300) {
              proxyRes.resume();
              fail(res, 502, 'GATEWAY_BAD_ANSWER', `The CC-Gateway answered HTTP ${status}`, {
                gatewayStatus: status,
              });
              return;
            }
            const type = proxyRes.headers['content-type'];
            const encoding = proxyRes.headers['content-encoding'];
            if (!type || !JSON_TYPE.test(type) || (encoding && encoding !== 'identity')) {
              proxyRes.resume();
              fail(res, 502, 'GATEWAY_BAD_ANSWER', 'The CC-Gateway did not answer with JSON');
              return;
            }
            const length = proxyRes.headers['content-length'];
            res.writeHead(status, {
              'Content-Type': type,
              ...(length && /^\d+$/.test(length) ? { 'Content-Length': length } : {}),
              'Cache-Control': 'no-store',
            });
            // A gateway that drops the connection mid-answer must not leave the browser waiting.
            proxyRes.on('close', () => {
              if (!proxyRes.complete) res.destroy();
            });
            proxyRes.pipe(res);
          },
        );
        server.on('error', (err: Error, req: IncomingMessage, res: unknown) => {
          const p = pending.get(req);
          const timeout = (err as NodeJS.ErrnoException).code === 'ECONNRESET';
          deps.metrics.upstreamRequests.inc({
            route: `proxy:${p?.route ?? 'unknown'}`,
            retcode: timeout ? 'TIMEOUT' : 'ERROR',
          });
          if (res && typeof (res as ServerResponse).writeHead === 'function')
            fail(
              res as ServerResponse,
              timeout ? 504 : 502,
              timeout ? 'GATEWAY_TIMEOUT' : 'GATEWAY_UNREACHABLE',
              'The CC-Gateway did not answer',
            );
        });
      },
    ],
  });

  const prepare: RequestHandler = async (req: Request, res: Response, next) => {
    if (authOf(res).user.queues !== '*')
      throw AppError.forbidden('The raw gateway view needs access to every queue');
    if (req.method !== 'GET') throw AppError.methodNotAllowed('GET');
    const found = PROXY_RULES.map((r) => ({ r, m: r.match.exec(req.path) })).find((x) => x.m);
    if (!found?.m) throw AppError.notFound('This gateway path is not in the read-only allow-list');
    const { r: rule, m } = found;
    if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'])
      throw AppError.badRequest('Read-only calls take no body');
    const noGuid = () =>
      AppError.unavailable('GATEWAY_UNAVAILABLE', 'Floorwatch is not signed in to the gateway', {
        session: deps.session.status().state,
      });
    if (deps.session.currentGuid() === null && deps.relay) {
      const params = Object.fromEntries(rule.params.map((name, i) => [name, m[i + 1] ?? '']));
      await answerRelayed(res, rule.route as GatewayQueryRoute, params);
      return;
    }
    if (deps.session.currentGuid() === null) throw noGuid();
    await deps.session.acquireBudget('proxy');
    const guid = deps.session.currentGuid();
    if (guid === null) throw noGuid();
    const params = Object.fromEntries(rule.params.map((name, i) => [name, m[i + 1] ?? '']));
    const upstream = gatewayPath(rule.route, { ...params, agentId: deps.session.agentId });
    pending.set(req, { path: `${GATEWAY_BASE_PATH}${upstream}`, route: rule.route, guid });
    next();
  };

  /** The leader's answer, held to the same rules as a direct one: 2xx JSON only. */
  async function answerRelayed(
    res: Response,
    route: GatewayQueryRoute,
    params: Record<string, string>,
  ): Promise<void> {
    let a: GatewayAnswer;
    try {
      a = await deps.relay!(route, params);
    } catch (err) {
      const code = (err as { code?: string }).code;
      deps.metrics.upstreamRequests.inc({ route: `proxy:${route}`, retcode: code ?? 'ERROR' });
      if (code === 'TIMEOUT')
        fail(res, 504, 'GATEWAY_TIMEOUT', 'No answer through the leader replica in time');
      else fail(res, 503, 'GATEWAY_UNAVAILABLE', 'The leader replica could not make the call');
      return;
    }
    deps.metrics.upstreamRequests.inc({
      route: `proxy:${route}`,
      retcode: `HTTP_${a.httpStatus}`,
    });
    if (a.httpStatus < 200 || a.httpStatus >= 300) {
      fail(res, 502, 'GATEWAY_BAD_ANSWER', `The CC-Gateway answered HTTP ${a.httpStatus}`, {
        gatewayStatus: a.httpStatus,
      });
      return;
    }
    if (a.body === undefined) {
      fail(res, 502, 'GATEWAY_BAD_ANSWER', 'The CC-Gateway did not answer with JSON');
      return;
    }
    res
      .status(a.httpStatus)
      .set('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(a.body));
  }

  const router = express.Router();
  router.use(
    requireAuth(deps.sessions),
    requireRole('admin', 'supervisor'),
    prepare,
    (req, res, next) => {
      void proxy(req, res, next);
    },
  );
  return { router, close: () => agent?.destroy() };
}
