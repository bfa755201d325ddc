// Sign-in (login and its four variants), sign-out, updateGuid and the push-mode handshake
// (docs/gateway.md §Sign-in and sign-out, §Guid rotation, §Keep-alive and idle sign-out).
import { signInRequest } from '@floorwatch/contracts';
import { header, sendJson } from '../http-io';
import { envelope, fail, ok, type Handler, type SessionHandler } from './reply';

interface SignInVariant {
  /** Takes over a session that is still open instead of answering 100-002. */
  force: boolean;
  /** `none`: a phone number in the body is not bound (forceloginexwithoutphone). */
  phone: 'required' | 'optional' | 'none';
  /** Platform only (the loginex family): no media server, so mediatype "FFF". */
  platformOnly: boolean;
}

export const SIGN_IN_VARIANTS = {
  login: { force: false, phone: 'required', platformOnly: false },
  forceLogin: { force: true, phone: 'required', platformOnly: false },
  loginEx: { force: false, phone: 'optional', platformOnly: true },
  forceLoginEx: { force: true, phone: 'optional', platformOnly: true },
  forceLoginExWithoutPhone: { force: true, phone: 'none', platformOnly: true },
} as const satisfies Record<string, SignInVariant>;

export function signIn(variant: SignInVariant): Handler {
  return (g) => {
    const { ctx, agentId } = g;
    if (g.body.kind !== 'json') return fail(g, '100-001', 'other');
    const parsed = signInRequest.safeParse(g.body.value);
    if (!parsed.success) return fail(g, '100-001', 'other');
    const body = parsed.data;
    const account = ctx.accounts.get(agentId);
    // An unknown work number is a failed sign-in like a wrong password (docs/gateway.md
    // §Error codes: 100-004 "wrong user name or password"), not "not signed in".
    if (!account) return fail(g, '100-004', 'auth');
    if (account.locked) return fail(g, '110-016', 'auth');
    if (body.password !== account.password) return fail(g, '100-004', 'auth');
    if (account.passwordExpired) return fail(g, '100-020', 'auth');
    if (variant.phone === 'required' && !body.phonenum) return fail(g, '100-001', 'other');
    if (body.status !== undefined && ![3, 4, 5].includes(body.status)) {
      return fail(g, '100-011', 'other');
    }
    const now = ctx.now();
    if (ctx.sessions.active(agentId, now)) {
      if (!variant.force) return fail(g, '100-002', 'auth');
      if (!account.forceLoginAllowed) return fail(g, '100-015', 'auth');
    }
    // Push mode only when both are given (docs/gateway.md §Sign-in and sign-out).
    const push = body.callBackUri && body.serviceToken ? body.serviceToken : null;
    const s = ctx.openSession(agentId, g.route, {
      phone: variant.phone === 'none' ? null : (body.phonenum ?? null),
      serviceToken: push,
    });
    const events = ['AgentOther_InService', 'AgentState_Ready'];
    if (body.status === 3) events.push('AgentState_SetNotReady_Success');
    if (body.status === 5) events.push('AgentState_Work');
    for (const eventType of events)
      ctx.sessions.push(s, { eventType, workNo: agentId, content: null });
    const mediatype = variant.platformOnly ? 'FFF' : body.checkInWebm === false ? 'TFF' : 'TTF';
    sendJson(
      g.res,
      200,
      envelope('0', '', {
        vdnid: ctx.engine.scenario.vdnid,
        workno: agentId,
        mediatype,
        loginTime: String(now),
        isForceChange: 'false',
        serverName: 'AgentGateway',
        timeRemaining: '9',
      }),
      { 'Set-GUID': `JSESSIONID=${s.currentGuid}` },
    );
  };
}

export function signOut(how: 'logout' | 'forcelogout'): SessionHandler {
  return (g) => {
    g.ctx.sessions.end(g.session, g.ctx.now(), how);
    sendJson(g.res, 200, { retcode: '0', message: '', result: null });
  };
}

export const updateGuid: SessionHandler = (g) => {
  const now = g.ctx.now();
  // Static auth keeps the one Guid of the sign-in.
  const guid =
    g.ctx.opts.authMode === 'static'
      ? g.session.currentGuid
      : g.ctx.sessions.rotate(g.session, now);
  ok(g, { guid });
};

/**
 * The push-mode heartbeat: keeps a push session alive. A polling session has nothing to shake
 * hands on (its polls keep it alive), so like a wrong service_token it gets 100-001.
 */
export const handshake: SessionHandler = (g) => {
  const s = g.session;
  const token = header(g.req, 'service_token');
  if (s.mode !== 'push' || (token !== undefined && token !== s.serviceToken)) {
    return fail(g, '100-001', 'other');
  }
  g.ctx.sessions.keepAlive(s, g.ctx.now());
  sendJson(g.res, 200, { message: '', retcode: '0', result: null });
};
