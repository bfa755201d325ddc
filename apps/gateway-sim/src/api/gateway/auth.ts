// The checks a call with a session goes through, in the gateway's order: a signed-in session,
// a Guid that is still valid, the overload control, then the right to query.
import type { GatewayRouteDef } from '@floorwatch/contracts';
import { header } from '../http-io';
import type { Session } from '../sessions';
import { fail, refuseOverload, type GatewayRequest } from './reply';

/** The session when the call may go on; otherwise the refusal has been sent and it is null. */
export function authorise(g: GatewayRequest, def: GatewayRouteDef): Session | null {
  const { ctx, req } = g;
  const now = ctx.now();
  const staticAuth = ctx.opts.authMode === 'static';
  const session = ctx.sessions.active(g.agentId, now);
  if (!session) {
    fail(g, '100-006', 'auth');
    return null;
  }
  if (!ctx.sessions.accepts(session, header(req, 'guid'), now)) {
    // docs/gateway.md §Guid rotation: 000-003 under dynamic auth, 100-006 under static auth.
    fail(g, staticAuth ? '100-006' : '000-003', 'auth');
    return null;
  }
  session.lastRequestAt = now;
  if (!ctx.limiter.tryAcquire(g.agentId, now)) {
    refuseOverload(g);
    return null;
  }
  if (def.kind === 'query' && !ctx.accounts.get(g.agentId)?.canQuery) {
    fail(g, '300-001', 'auth');
    return null;
  }
  return session;
}
