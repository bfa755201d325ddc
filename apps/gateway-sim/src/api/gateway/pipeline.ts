// One gateway request from the wire to its handler: route (from the contracts' table) → count →
// body → injected fault → parameters → sign-in, or the auth pipeline and the route's handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRouteName } from '@floorwatch/contracts';
import type { SimContext } from '../context';
import { readBody } from '../http-io';
import { authorise } from './auth';
import { poll } from './event-poll';
import { applyFault } from './fault-injection';
import {
  agentBySkill,
  agentByWorkno,
  agentVdnSkill,
  allOnlineAgents,
  queryAcdStat,
  skillWaitNum,
} from './query-handlers';
import { fail, type GatewayRequest, type Handler, type SessionHandler } from './reply';
import { matchRoute, validParams } from './route-table';
import { SIGN_IN_VARIANTS, handshake, signIn, signOut, updateGuid } from './session-handlers';

type RouteHandler = { signIn: Handler } | { session: SessionHandler };

/** A handler for every route of GATEWAY_ROUTES (the type makes a missing one a compile error). */
const HANDLERS: Record<GatewayRouteName, RouteHandler> = {
  login: { signIn: signIn(SIGN_IN_VARIANTS.login) },
  forceLogin: { signIn: signIn(SIGN_IN_VARIANTS.forceLogin) },
  loginEx: { signIn: signIn(SIGN_IN_VARIANTS.loginEx) },
  forceLoginEx: { signIn: signIn(SIGN_IN_VARIANTS.forceLoginEx) },
  forceLoginExWithoutPhone: { signIn: signIn(SIGN_IN_VARIANTS.forceLoginExWithoutPhone) },
  logout: { session: signOut('logout') },
  forceLogout: { session: signOut('forcelogout') },
  updateGuid: { session: updateGuid },
  handshake: { session: handshake },
  getAgentEvent: { session: poll },
  queryAllOnlineAgents: { session: allOnlineAgents },
  queryAgentInfoBySkillId: { session: agentBySkill },
  queryAgentInfoByWorkNo: { session: agentByWorkno },
  queryStatInfoOfAcd: { session: queryAcdStat },
  querySkillQueueOnAgentVDN: { session: agentVdnSkill },
  queryQueueLengthBySkillId: { session: skillWaitNum },
};

/** Handles one request whose path starts with /agentgateway/resource. */
export async function handleGateway(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
): Promise<void> {
  // A restarting gateway resets connections before it reads anything.
  if (ctx.isDown()) {
    req.socket.destroy();
    return;
  }
  const segments = subPath
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  const match = matchRoute(req.method ?? 'GET', segments);
  if (match.kind !== 'route') {
    ctx.counters.hit('unknown');
    req.resume();
    return match.kind === 'unknown'
      ? fail({ ctx, res }, '000-002', 'other', 'Invalid URL', 404)
      : fail({ ctx, res }, '000-001', 'other', 'Wrong request method');
  }
  const { name, def, params } = match;
  ctx.counters.hit(name);
  const body = await readBody(req);

  const fault = ctx.faults.take(name);
  if (fault && (await applyFault({ ctx, req, res, route: name }, fault))) return;

  if (!validParams(params)) return fail({ ctx, res }, '000-002', 'other');
  const g: GatewayRequest = {
    ctx,
    req,
    res,
    route: name,
    params,
    agentId: params.agentId ?? '',
    body,
    session: null,
  };
  const handler = HANDLERS[name];
  if ('signIn' in handler) return handler.signIn(g);
  const session = authorise(g, def);
  if (session) return handler.session({ ...g, session });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
