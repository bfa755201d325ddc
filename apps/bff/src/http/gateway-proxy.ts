// Read-only pass-through to a few gateway query interfaces, for supervisors who need a raw answer
// the dashboard does not show. The Guid is the BFF's credential: it is added here, taken back from
// Set-GUID, and never reaches the browser. Nothing of the caller (cookies, authorization,
// forwarding headers) reaches the gateway, and every call spends the same per-agent budget.
import type { ErrorBody } from '@floorwatch/contracts/api';
import type { Request, RequestHandler, Response, Router } from 'express';
import express from 'express';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { SessionStore } from '../auth/session-store';
import type { GatewaySessionPort } from '../gateway/types';
import type { Metrics } from '../metrics';
import { AppError } from './app-error';
import { authOf, requireAuth, requireRole } from './auth-middleware';

interface Rule {
  route: string;
  match: RegExp;
  upstream: (agentId: string, m: RegExpExecArray) => string;
}

const ID = '(\\d{1,9})';
export const PROXY_RULES: readonly Rule[] = [
  {
    route: 'queryAllOnlineAgents',
    match: /^\/agentgroup\/allonlineagents$/,
    upstream: (id) => `/agentgroup/${id}/allonlineagents`,
  },
  {
    route: 'queryAgentInfoBySkillId',
    match: new RegExp(`^/agentgroup/agentbyskill/${ID}$`),
    upstream: (id, m) => `/agentgroup/${id}/agentbyskill/${m[1]}`,
  },
  {
    route: 'queryAgentInfoByWorkNo',
    match: new RegExp(`^/agentgroup/agentbyworkno/${ID}$`),
    upstream: (id, m) => `/agentgroup/${id}/agentbyworkno/${m[1]}`,
  },
  {
    route: 'querySkillQueueOnAgentVDN',
    match: /^\/queuedevice\/agentvdnskill$/,
    upstream: (id) => `/queuedevice/${id}/agentvdnskill`,
  },
  {
    route: 'queryQueueLengthBySkillId',
    match: new RegExp(`^/queuedevice/skillwaitnum/${ID}$`),
    upstream: (id, m) => `/queuedevice/${id}/skillwaitnum/${m[1]}`,
  },
];

/** The only request headers sent upstream (plus Host, set by changeOrigin). */
const UPSTREAM_HEADERS = new Set(['host', 'content-type', 'guid', 'accept']);
/** Upstream answer headers the browser never sees. */
const STRIPPED_ANSWER_HEADERS = ['set-guid', 'set-cookie', 'guid'];

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

  const fail = (res: ServerResponse, status: number, code: string, message: string) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const body: ErrorBody = { error: { code, message } };
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
    timeout: deps.timeoutMs ?? 10_000,
    // Only allow-listed paths prepared above ever reach the gateway; anything else is a dead end.
    pathRewrite: (_path, req) => pending.get(req)?.path ?? '/agentgateway/resource/__refused__',
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
        server.on('proxyRes', (proxyRes: IncomingMessage, req: IncomingMessage) => {
          deps.session.offerSetGuid(proxyRes.headers['set-guid']);
          for (const h of STRIPPED_ANSWER_HEADERS) delete proxyRes.headers[h];
          proxyRes.headers['cache-control'] = 'no-store';
          const p = pending.get(req);
          deps.metrics.upstreamRequests.inc({
            route: `proxy:${p?.route ?? 'unknown'}`,
            retcode: `HTTP_${proxyRes.statusCode ?? 0}`,
          });
        });
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
    const rule = PROXY_RULES.map((r) => ({ r, m: r.match.exec(req.path) })).find((x) => x.m);
    if (!rule?.m) throw AppError.notFound('This gateway path is not in the read-only allow-list');
    if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'])
      throw AppError.badRequest('Read-only calls take no body');
    const noGuid = () =>
      AppError.unavailable('GATEWAY_UNAVAILABLE', 'Floorwatch is not signed in to the gateway', {
        session: deps.session.status().state,
      });
    if (deps.session.currentGuid() === null) throw noGuid();
    await deps.session.acquireBudget('proxy');
    const guid = deps.session.currentGuid();
    if (guid === null) throw noGuid();
    pending.set(req, {
      path: `/agentgateway/resource${rule.r.upstream(deps.session.agentId, rule.m)}`,
      route: rule.r.route,
      guid,
    });
    next();
  };

  const router = express.Router();
  router.use(requireAuth(deps.sessions), requireRole('supervisor'), prepare, (req, res, next) => {
    void proxy(req, res, next);
  });
  return { router, close: () => agent?.destroy() };
}
