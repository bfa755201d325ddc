// The CC-Gateway API under /agentgateway/resource (REFERENCE §1, §2, §4, §5, §6).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  RETCODES,
  agentBySkillRequest,
  queryAcdStatRequest,
  signInRequest,
  type SignInRequest,
} from '@floorwatch/contracts';
import { acdStatWire, agentWire, compareWorkno, vdnSkillsWire } from '../engine/payloads';
import type { RejectKind, RouteName } from './counters';
import type { SimContext } from './context';
import { header, readBody, sendJson, sendRaw, type BodyResult } from './http-io';
import type { PollAnswer, Session } from './sessions';

interface GatewayRequest {
  ctx: SimContext;
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  agentId: string;
  body: BodyResult;
}

type Handler = (g: GatewayRequest) => void | Promise<void>;
type Kind = 'sign-in' | 'session' | 'query';

interface RouteDef {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path segments after /agentgateway/resource; ':x' is a parameter. */
  segments: string[];
  name: RouteName;
  kind: Kind;
  handler: Handler;
}

const AGENT_ID_MIN = 101;
const AGENT_ID_MAX = 999_999;

function envelope(retcode: string, message?: string, result: unknown = null) {
  return { message: message ?? RETCODES[retcode]?.message ?? '', retcode, result };
}

function fail(
  g: Pick<GatewayRequest, 'ctx' | 'res'>,
  retcode: string,
  kind: RejectKind,
  message?: string,
  httpStatus = 200,
): void {
  g.ctx.counters.reject(kind);
  sendJson(g.res, httpStatus, envelope(retcode, message));
}

function ok(g: GatewayRequest, result: unknown, message = 'success', headers = {}): void {
  sendJson(g.res, 200, { message, retcode: '0', result }, headers);
}

// ---- sign-in and sign-out ----

type SignInVariant = { force: boolean; phoneRequired: boolean; platformOnly: boolean };

function signIn(variant: SignInVariant): Handler {
  return (g) => {
    const { ctx, agentId } = g;
    const now = ctx.now();
    if (g.body.kind !== 'json') return fail(g, '100-001', 'other');
    const parsed = signInRequest.safeParse(g.body.value);
    if (!parsed.success) return fail(g, '100-001', 'other');
    const body: SignInRequest = parsed.data;
    const account = ctx.accounts.get(agentId);
    if (!account) return fail(g, '100-006', 'auth');
    if (account.locked) return fail(g, '110-016', 'auth');
    if (body.password !== account.password) return fail(g, '100-004', 'auth');
    if (account.passwordExpired) return fail(g, '100-020', 'auth');
    if (variant.phoneRequired && !body.phonenum) return fail(g, '100-001', 'other');
    if (body.status !== undefined && ![3, 4, 5].includes(body.status)) {
      return fail(g, '100-011', 'other');
    }
    const existing = ctx.sessions.active(agentId, now);
    if (existing) {
      if (!variant.force) return fail(g, '100-002', 'auth');
      if (!account.forceLoginAllowed) return fail(g, '100-015', 'auth');
      ctx.sessions.end(existing, now, 'forced');
    }
    const s = ctx.sessions.create(agentId, now);
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

function signOut(g: GatewayRequest, s: Session): void {
  g.ctx.sessions.end(s, g.ctx.now(), 'logout');
  sendJson(g.res, 200, { retcode: '0', message: '', result: null });
}

function updateGuid(g: GatewayRequest, s: Session): void {
  const now = g.ctx.now();
  // Static auth keeps the one Guid of the sign-in.
  const guid = g.ctx.opts.authMode === 'static' ? s.currentGuid : g.ctx.sessions.rotate(s, now);
  ok(g, { guid });
}

// ---- event polling ----

function poll(g: GatewayRequest, s: Session): void {
  const { ctx, res } = g;
  if (s.heldPoll)
    return fail(g, '000-007', 'other', 'Repeated invocation: a poll is already waiting');
  const answer = (a: PollAnswer): void => {
    const now = ctx.now();
    const headers: Record<string, string> = {};
    const rotated = a.kind === 'retcode' ? null : ctx.sessions.rotateIfDue(s, now);
    if (rotated) headers['Set-GUID'] = `JSESSIONID=${rotated}`;
    if (a.kind === 'retcode')
      sendJson(res, 200, { message: a.message, retcode: a.retcode, event: null });
    else
      sendJson(
        res,
        200,
        { message: '', retcode: '0', event: a.kind === 'event' ? a.event : null },
        headers,
      );
  };
  const queued = s.events.shift();
  if (queued) return answer({ kind: 'event', event: queued });
  let done = false;
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    if (s.heldPoll === held) s.heldPoll = null;
    answer({ kind: 'none' });
  }, ctx.opts.pollHoldMs);
  const held = {
    answer: (a: PollAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      answer(a);
    },
  };
  s.heldPoll = held;
  res.on('close', () => {
    // The client went away (or the server is closing): the slot is free for its next poll.
    clearTimeout(timer);
    done = true;
    if (s.heldPoll === held) s.heldPoll = null;
  });
}

// ---- agentgroup and queuedevice queries ----

function allOnlineAgents(g: GatewayRequest): void {
  const { engine, now } = g.ctx.engineNow();
  sendRaw(g.res, 200, g.ctx.serializer.serialize(engine, now, g.ctx.wire));
}

function agentBySkill(g: GatewayRequest): void {
  const skillId = Number(g.params.skillid);
  let limit = Infinity;
  let statuses: number[] | null = null;
  if (g.body.kind === 'malformed' || g.body.kind === 'too-large')
    return fail(g, '000-002', 'other');
  if (g.body.kind === 'json' && !isEmptyObject(g.body.value)) {
    const parsed = agentBySkillRequest.safeParse(g.body.value);
    if (!parsed.success) return fail(g, '100-019', 'other');
    limit = parsed.data.agentLimit;
    statuses = parsed.data.agentStatus;
  }
  const { engine, now } = g.ctx.engineNow();
  const q = engine.queue(skillId);
  const agents = (q?.members ?? [])
    .filter((a) => a.signedIn && (statuses === null || statuses.includes(a.status)))
    .sort((x, y) => compareWorkno(x.def.workno, y.def.workno))
    .slice(0, limit)
    .map((a) => agentWire(engine, a, now, g.ctx.wire));
  ok(g, agents);
}

function agentByWorkno(g: GatewayRequest): void {
  const { engine, now } = g.ctx.engineNow();
  const a = engine.agent(g.params.workno ?? '');
  if (!a) return fail(g, '300-002', 'other');
  ok(g, agentWire(engine, a, now, g.ctx.wire));
}

function queryAcdStat(g: GatewayRequest): void {
  if (g.body.kind !== 'json') return fail(g, '000-002', 'other');
  const parsed = queryAcdStatRequest.safeParse(g.body.value);
  if (!parsed.success) return fail(g, '000-002', 'other');
  const { engine, now } = g.ctx.engineNow();
  const result = parsed.data.skills
    .map((id) => acdStatWire(engine, id, now))
    .filter((x) => x !== undefined);
  ok(g, result);
}

function agentVdnSkill(g: GatewayRequest): void {
  const { engine } = g.ctx.engineNow();
  const skills = vdnSkillsWire(engine);
  if (skills.length === 0) return fail(g, '600-005', 'other');
  ok(g, skills);
}

function skillWaitNum(g: GatewayRequest): void {
  const { engine, now } = g.ctx.engineNow();
  const stats = engine.queueStats(Number(g.params.skillid), now);
  if (!stats) return fail(g, '100-019', 'other');
  ok(g, stats.queueSize);
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

const withSession =
  (fn: (g: GatewayRequest, s: Session) => void): Handler =>
  (g) => {
    const s = g.ctx.sessions.active(g.agentId, g.ctx.now());
    if (s) fn(g, s);
  };

export const GATEWAY_ROUTES: RouteDef[] = [
  {
    method: 'PUT',
    segments: ['onlineagent', ':id'],
    name: 'login',
    kind: 'sign-in',
    handler: signIn({ force: false, phoneRequired: true, platformOnly: false }),
  },
  {
    method: 'PUT',
    segments: ['onlineagent', ':id', 'forcelogin'],
    name: 'forceLogin',
    kind: 'sign-in',
    handler: signIn({ force: true, phoneRequired: true, platformOnly: false }),
  },
  {
    method: 'PUT',
    segments: ['onlineagent', ':id', 'loginex'],
    name: 'loginEx',
    kind: 'sign-in',
    handler: signIn({ force: false, phoneRequired: false, platformOnly: true }),
  },
  {
    method: 'PUT',
    segments: ['onlineagent', ':id', 'forceloginexwithoutphone'],
    name: 'forceLoginExWithoutPhone',
    kind: 'sign-in',
    handler: signIn({ force: true, phoneRequired: false, platformOnly: true }),
  },
  {
    method: 'DELETE',
    segments: ['onlineagent', ':id', 'logout'],
    name: 'logout',
    kind: 'session',
    handler: withSession(signOut),
  },
  {
    method: 'DELETE',
    segments: ['onlineagent', ':id', 'forcelogout'],
    name: 'forceLogout',
    kind: 'session',
    handler: withSession(signOut),
  },
  {
    method: 'PUT',
    segments: ['onlineagent', ':id', 'updateGuid'],
    name: 'updateGuid',
    kind: 'session',
    handler: withSession(updateGuid),
  },
  {
    method: 'GET',
    segments: ['agentevent', ':id'],
    name: 'getAgentEvent',
    kind: 'session',
    handler: withSession(poll),
  },
  {
    method: 'GET',
    segments: ['agentgroup', ':id', 'allonlineagents'],
    name: 'queryAllOnlineAgents',
    kind: 'query',
    handler: allOnlineAgents,
  },
  {
    method: 'GET',
    segments: ['agentgroup', ':id', 'agentbyskill', ':skillid'],
    name: 'queryAgentInfoBySkillId',
    kind: 'query',
    handler: agentBySkill,
  },
  {
    method: 'GET',
    segments: ['agentgroup', ':id', 'agentbyworkno', ':workno'],
    name: 'queryAgentInfoByWorkNo',
    kind: 'query',
    handler: agentByWorkno,
  },
  {
    method: 'POST',
    segments: ['queuedevice', ':id', 'queryacdstat'],
    name: 'queryStatInfoOfAcd',
    kind: 'query',
    handler: queryAcdStat,
  },
  {
    method: 'GET',
    segments: ['queuedevice', ':id', 'agentvdnskill'],
    name: 'querySkillQueueOnAgentVDN',
    kind: 'query',
    handler: agentVdnSkill,
  },
  {
    method: 'GET',
    segments: ['queuedevice', ':id', 'skillwaitnum', ':skillid'],
    name: 'queryQueueLengthBySkillId',
    kind: 'query',
    handler: skillWaitNum,
  },
];

function matchSegments(def: string[], actual: string[]): Record<string, string> | null {
  if (def.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < def.length; i += 1) {
    const d = def[i] ?? '';
    const a = actual[i] ?? '';
    if (d.startsWith(':')) {
      if (a.length === 0) return null;
      params[d.slice(1)] = a;
    } else if (d !== a) return null;
  }
  return params;
}

export function findGatewayRoute(
  method: string,
  segments: string[],
): { route: RouteDef; params: Record<string, string> } | { wrongMethod: true } | null {
  let wrongMethod = false;
  for (const route of GATEWAY_ROUTES) {
    const params = matchSegments(route.segments, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    wrongMethod = true;
  }
  return wrongMethod ? { wrongMethod: true } : null;
}

function validParams(params: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(params)) {
    if (!/^\d{1,9}$/.test(v)) return false;
    if (k === 'id' && (Number(v) < AGENT_ID_MIN || Number(v) > AGENT_ID_MAX)) return false;
  }
  return true;
}

/** Handles one request whose path starts with /agentgateway/resource. */
export async function handleGateway(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
): Promise<void> {
  const segments = subPath
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  const found = findGatewayRoute(req.method ?? 'GET', segments);
  if (!found) {
    ctx.counters.hit('unknown');
    req.resume();
    return fail({ ctx, res }, '000-002', 'other', 'Invalid URL', 404);
  }
  if ('wrongMethod' in found) {
    ctx.counters.hit('unknown');
    req.resume();
    return fail({ ctx, res }, '000-001', 'other', 'Wrong request method');
  }
  const { route, params } = found;
  ctx.counters.hit(route.name);
  const body = await readBody(req);

  const fault = ctx.faults.take(route.name);
  if (fault) {
    switch (fault.kind) {
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms ?? 1000).unref());
        if (res.destroyed) return;
        break;
      case 'hang':
        ctx.counters.reject('other');
        ctx.faults.hold(res);
        return;
      case 'drop':
        ctx.counters.reject('other');
        req.socket.destroy();
        return;
      case 'http-error': {
        ctx.counters.reject('other');
        const status = fault.status ?? 500;
        return sendRaw(
          res,
          status,
          `<html><head><title>Error</title></head><body><h1>HTTP Status ${status}</h1></body></html>`,
          {},
          'text/html;charset=utf-8',
        );
      }
      case 'malformed-json':
        ctx.counters.reject('other');
        return sendRaw(
          res,
          200,
          '{"message":"success","retcode":"0","result":[{"skillId":1,"agent":[{"workno":',
        );
      case 'wrong-shape':
        ctx.counters.reject('other');
        return sendJson(
          res,
          200,
          route.name === 'getAgentEvent'
            ? { message: '', retcode: '0', event: 'unexpected-shape' }
            : { message: 'success', retcode: '0', result: 'unexpected-shape' },
        );
      case 'retcode':
        return fail({ ctx, res }, fault.retcode ?? '100-007', 'other');
    }
  }

  if (!validParams(params)) return fail({ ctx, res }, '000-002', 'other');
  const agentId = params.id ?? '';
  const g: GatewayRequest = { ctx, req, res, params, agentId, body };
  if (route.kind === 'sign-in') return route.handler(g);

  const now = ctx.now();
  const session = ctx.sessions.active(agentId, now);
  const staticAuth = ctx.opts.authMode === 'static';
  if (!session) return fail(g, '100-006', 'auth');
  if (!ctx.sessions.accepts(session, header(req, 'guid'), now)) {
    return fail(g, staticAuth ? '100-006' : '000-003', 'auth');
  }
  session.lastRequestAt = now;
  if (!ctx.limiter.tryAcquire(agentId, now)) {
    return fail(g, '000-007', 'rateLimited', ctx.limiter.message());
  }
  if (route.kind === 'query') {
    const account = ctx.accounts.get(agentId);
    if (!account?.canQuery) return fail(g, '300-001', 'auth');
  }
  return route.handler(g);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
