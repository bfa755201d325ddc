// The data queries of the signed-in session (the monitor's polls and the proxy's reads): the
// route from the table, the shared budget, the current Guid, and what an answer means for the
// session. A session-lost retcode loses the session; a fatal one (300-001 no right) refuses the
// route through the route throttle until a probe succeeds. Proxy calls never drive the throttle:
// a user asking for something the supervisor may not see is not an outage.
import {
  GATEWAY_ROUTES,
  isFatalCategory,
  retcodeCategory,
  type GatewayRouteDef,
} from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { Exchange, Exchanged } from './exchange';
import { GatewayCallError } from './gateway-call-error';
import { errorFromRetcode } from './gateway-error';
import type { GuidSlot } from './guid-slot';
import type { RateBudget } from './rate-budget';
import type { RouteThrottle } from './route-throttle';
import type { GatewayAnswer, GatewayRequest } from './types';

export interface DataCallsOptions {
  exchange: Exchange;
  budget: RateBudget;
  guids: GuidSlot;
  throttle: RouteThrottle;
  logger: Logger;
  requestTimeoutMs: number;
  now: () => number;
  /** The Guid to send; throws a GatewayCallError (STOPPED, SIGNED_OUT) when there is none. */
  signedInGuid: () => string;
  /** The gateway answered retcode 0 within the current session, to a call of `caller`. */
  onSuccess: (caller: GatewayRequest['caller']) => void;
  onLost: (gen: number, error: GatewayError, why: string) => void;
  /** A route was refused or allowed again: the session's state may have changed. */
  onRefusalChange: () => void;
}

export type DataCall = <T = unknown>(req: GatewayRequest) => Promise<GatewayAnswer<T>>;

/** The table entry of a request; a route that is not a data query is a programming error. */
function queryRoute(req: GatewayRequest): GatewayRouteDef {
  const def: GatewayRouteDef | undefined = GATEWAY_ROUTES[req.route];
  if (def?.kind !== 'query') throw new Error(`call(): ${req.route} is not a data query`);
  return def;
}

export function createDataCalls(opts: DataCallsOptions): DataCall {
  const { exchange, budget, guids, throttle, now } = opts;
  const log = opts.logger;

  function afterAnswer(req: GatewayRequest, route: string, gen: number, retcode: string | null) {
    const own = req.caller !== 'proxy';
    if (retcode === '0') {
      if (gen === guids.generation()) opts.onSuccess(req.caller);
      if (own && throttle.allow(route)) {
        log.info({ route }, 'data query allowed again');
        opts.onRefusalChange();
      }
      return;
    }
    if (!retcode) return;
    const category = retcodeCategory(retcode);
    if (category === 'session-lost' || category === 'guid-expired') {
      opts.onLost(gen, errorFromRetcode(retcode, now()), `${route} answered ${retcode}`);
    } else if (isFatalCategory(category) && own && gen === guids.generation()) {
      // Only a refused agents query makes the session fatal: there is no floor without it.
      if (throttle.refuse(route, errorFromRetcode(retcode, now()), req.caller === 'agents'))
        log.error({ route, retcode }, 'data query refused; an operator must act');
      opts.onRefusalChange();
    }
  }

  return async function call<T = unknown>(req: GatewayRequest): Promise<GatewayAnswer<T>> {
    opts.signedInGuid();
    const route = queryRoute(req).logName;
    const refused = req.caller !== 'proxy' ? throttle.admit(route) : null;
    if (refused) throw new GatewayCallError('FATAL', refused.message);
    const release = await budget.acquire(req.caller);
    let exchanged: Exchanged;
    let gen: number;
    try {
      const guid = opts.signedInGuid();
      gen = guids.generation();
      exchanged = await exchange({
        route: req.route,
        ...(req.params ? { params: req.params } : {}),
        body: req.body,
        guid,
        timeoutMs: req.timeoutMs ?? opts.requestTimeoutMs,
      });
    } finally {
      release();
    }
    const { ans, retcode } = exchanged;
    afterAnswer(req, route, gen, retcode);
    return { httpStatus: ans.httpStatus, body: ans.json as T, retcode, latencyMs: ans.latencyMs };
  };
}
