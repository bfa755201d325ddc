// One gateway request as the handlers see it, and the answers they give: the envelope
// {message, retcode, result} (docs/gateway.md §Conventions), refusals and the overload answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RETCODES, type GatewayRouteName } from '@floorwatch/contracts';
import type { RejectKind } from '../counters';
import type { SimContext } from '../context';
import { sendJson, sendRaw, type BodyResult } from '../http-io';
import type { Session } from '../sessions';

export interface GatewayRequest {
  ctx: SimContext;
  req: IncomingMessage;
  res: ServerResponse;
  route: GatewayRouteName;
  /** Path parameters by the names of the route table: agentId, skillId, workNo. */
  params: Record<string, string>;
  agentId: string;
  body: BodyResult;
  /** The caller's session: set for every route that is not a sign-in. */
  session: Session | null;
}

/** A request of a route that needs a session, after the auth pipeline let it through. */
export type SessionRequest = GatewayRequest & { session: Session };

export type Handler = (g: GatewayRequest) => void | Promise<void>;
export type SessionHandler = (g: SessionRequest) => void | Promise<void>;

export function envelope(retcode: string, message?: string, result: unknown = null) {
  return { message: message ?? RETCODES[retcode]?.message ?? '', retcode, result };
}

/** A refusal in the envelope, counted by kind. */
export function fail(
  g: Pick<GatewayRequest, 'ctx' | 'res'>,
  retcode: string,
  kind: RejectKind,
  message?: string,
  httpStatus = 200,
): void {
  g.ctx.counters.reject(kind);
  sendJson(g.res, httpStatus, envelope(retcode, message));
}

export function ok(
  g: GatewayRequest,
  result: unknown,
  message = 'success',
  headers: Record<string, string> = {},
): void {
  sendJson(g.res, 200, { message, retcode: '0', result }, headers);
}

/** The small HTML error page an application server in front of the gateway would send. */
export function sendErrorPage(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  sendRaw(
    res,
    status,
    `<html><head><title>Error</title></head><body><h1>HTTP Status ${status}</h1></body></html>`,
    headers,
    'text/html;charset=utf-8',
  );
}

/** The overload refusal in the configured mode (retcode 000-007, HTTP 429 or HTTP 503). */
export function refuseOverload(g: Pick<GatewayRequest, 'ctx' | 'res'>): void {
  const { limiter } = g.ctx;
  if (limiter.refusal === 'retcode') return fail(g, '000-007', 'rateLimited', limiter.message());
  g.ctx.counters.reject('rateLimited');
  sendErrorPage(g.res, limiter.refusal === 'http-429' ? 429 : 503, {
    'Retry-After': String(limiter.retryAfterS()),
  });
}
