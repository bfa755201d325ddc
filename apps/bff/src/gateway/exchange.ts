// One upstream call by route name (GATEWAY_ROUTES): path from the route table, metrics per route
// and retcode, the Set-GUID of any answer offered to the Guid slot, and every way of not getting
// a usable answer turned into a GatewayCallError. The retcode and message it hands on are
// clipped (log-safe.ts): everything downstream may log them.
import {
  anyEnvelope,
  GATEWAY_ROUTES,
  gatewayPath,
  type GatewayRouteName,
} from '@floorwatch/contracts/gateway';
import type { Metrics } from '../metrics';
import { GatewayCallError, isGatewayCallError } from './gateway-call-error';
import type { GatewayClient, RawAnswer } from './gateway-client';
import type { GuidSlot } from './guid-slot';
import { clipForLog } from './log-safe';
import type { BodyReader } from './types';

export interface ExchangeRequest {
  route: GatewayRouteName;
  /** Path parameters besides `{agentId}`, e.g. `{ skillId: 3 }`. */
  params?: Record<string, string | number>;
  body?: unknown;
  /** The Guid to send; null for the sign-in itself. */
  guid: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
  readBody?: BodyReader;
}

export interface Exchanged {
  ans: RawAnswer;
  /** The answer's retcode (clipped), null when it has none. */
  retcode: string | null;
  /** The answer's message (clipped), '' when it has none. */
  message: string;
}

export type Exchange = (req: ExchangeRequest) => Promise<Exchanged>;

export interface ExchangeOptions {
  client: GatewayClient;
  metrics: Metrics;
  agentId: string;
  guids: GuidSlot;
}

export function createExchange(opts: ExchangeOptions): Exchange {
  const { client, metrics, guids } = opts;
  return async function exchange(req) {
    const def = GATEWAY_ROUTES[req.route];
    const route = def.logName;
    // Taken before the call: a re-sign-in while it is on the wire makes its Set-GUID stale.
    const gen = guids.generation();
    const end = metrics.upstreamLatency.startTimer({ route });
    try {
      const ans = await client.send({
        method: def.method,
        path: gatewayPath(req.route, { ...req.params, agentId: opts.agentId }),
        body: req.body,
        guid: req.guid,
        timeoutMs: req.timeoutMs,
        ...(req.signal ? { signal: req.signal } : {}),
        ...(req.readBody ? { readBody: req.readBody } : {}),
      });
      end();
      // Any answer may carry a new Guid, even one we go on to reject (docs/gateway.md §Guid
      // rotation). A sign-in answer's Guid is taken by the sign-in itself.
      if (req.guid) guids.offer(ans.setGuid, gen, route);
      if (ans.httpStatus < 200 || ans.httpStatus >= 300) {
        metrics.upstreamRequests.inc({ route, retcode: `HTTP_${ans.httpStatus}` });
        throw new GatewayCallError(
          `HTTP_${ans.httpStatus}`,
          `gateway answered HTTP ${ans.httpStatus}`,
        );
      }
      if (!ans.isJson) {
        metrics.upstreamRequests.inc({ route, retcode: 'NOT_JSON' });
        throw new GatewayCallError('NOT_JSON', 'gateway answer is not JSON');
      }
      const env = anyEnvelope.safeParse(ans.json);
      const retcode = env.success ? clipForLog(env.data.retcode) : null;
      const message = env.success ? (clipForLog(env.data.message) ?? '') : '';
      metrics.upstreamRequests.inc({ route, retcode: retcode ?? 'NO_RETCODE' });
      return { ans, retcode, message };
    } catch (e) {
      if (isGatewayCallError(e) && (e.code === 'TIMEOUT' || e.code === 'NETWORK')) {
        end();
        metrics.upstreamRequests.inc({ route, retcode: e.code });
      }
      throw e;
    }
  };
}
