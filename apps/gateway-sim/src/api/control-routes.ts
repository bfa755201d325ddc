// The control API (/sim-control): lets tests and demos steer the floor, inject faults and read
// what the simulator saw. JSON in and out; never under /agentgateway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { agentWire } from '../engine/payloads';
import { SCENARIO_NAMES } from '../scenarios/index';
import type { SimContext } from './context';
import { faultRequest } from './faults';
import { readBody, sendJson } from './http-io';

const scenarioRequest = z.object({
  name: z.enum(SCENARIO_NAMES),
  seed: z.number().int().optional(),
});
const stateRequest = z.object({
  status: z.number().int().min(0).max(9),
  reason: z.number().int().min(0).max(65535).optional(),
});
const churnRequest = z.object({ fraction: z.number().min(0).max(1) });
const wireRequest = z.object({ numericStatus: z.boolean().optional() });
const accountRequest = z.object({
  canQuery: z.boolean().optional(),
  forceLoginAllowed: z.boolean().optional(),
  locked: z.boolean().optional(),
  passwordExpired: z.boolean().optional(),
  password: z.string().min(1).max(32).optional(),
});

type Json = { status: number; body: unknown };

const notFound = (what: string): Json => ({ status: 404, body: { error: `not found: ${what}` } });
const badRequest = (error: z.ZodError | string): Json => ({
  status: 400,
  body: {
    error:
      typeof error === 'string'
        ? error
        : error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
  },
});

function agentState(ctx: SimContext, workno: string): unknown {
  const { engine, now } = ctx.engineNow();
  const a = engine.agent(workno);
  return a ? { agent: { ...agentWire(engine, a, now, ctx.wire), signedIn: a.signedIn } } : null;
}

async function route(
  ctx: SimContext,
  method: string,
  segments: string[],
  req: IncomingMessage,
): Promise<Json> {
  const body = await readBody(req);
  if (body.kind === 'malformed' || body.kind === 'too-large')
    return badRequest('malformed JSON body');
  const json: unknown = body.kind === 'json' ? body.value : {};
  const [first, second, third] = segments;
  const key = `${method} ${segments.length === 0 ? '' : first}`;

  if (key === 'GET status' && segments.length === 1) {
    const { engine, now } = ctx.engineNow();
    return {
      status: 200,
      body: {
        scenario: ctx.scenarioName,
        seed: ctx.seed,
        agents: engine.agents().length,
        queues: engine.queues().length,
        now,
        signedInAgents: engine.agents().filter((a) => a.signedIn).length,
        authMode: ctx.opts.authMode,
        rateLimit: ctx.opts.rateLimit,
        wire: { ...ctx.wire },
      },
    };
  }
  if (key === 'POST scenario' && segments.length === 1) {
    const p = scenarioRequest.safeParse(json);
    if (!p.success) return badRequest(p.error);
    ctx.loadScenario(p.data.name, p.data.seed ?? ctx.seed);
    const { engine } = ctx.engineNow();
    return {
      status: 200,
      body: {
        scenario: ctx.scenarioName,
        seed: ctx.seed,
        agents: engine.agents().length,
        queues: engine.queues().length,
      },
    };
  }
  if (first === 'agents' && method === 'GET' && segments.length <= 2) {
    if (second !== undefined) {
      const one = agentState(ctx, second);
      return one ? { status: 200, body: one } : notFound(`agent ${second}`);
    }
    const { engine, now } = ctx.engineNow();
    return {
      status: 200,
      body: {
        agents: engine.agents().map((x) => ({
          workno: x.def.workno,
          name: x.def.name,
          skills: x.def.skills,
          mediatype: x.def.mediatype,
          signedIn: x.signedIn,
          status: x.status,
          ctiStatus: x.ctiStatus,
          reason: x.reason,
          currentstatetime: Math.max(0, Math.floor((now - x.stateSince) / 1000)),
          pinned: x.phase === 'held',
        })),
      },
    };
  }
  if (first === 'agents' && second !== undefined && segments.length === 3 && method === 'POST') {
    const now = ctx.now();
    if (!ctx.engine.agent(second)) return notFound(`agent ${second}`);
    if (third === 'state') {
      const p = stateRequest.safeParse(json);
      if (!p.success) return badRequest(p.error);
      ctx.engine.setState(second, p.data.status, p.data.reason ?? 0, now);
    } else if (third === 'signout') ctx.engine.signOut(second, now);
    else if (third === 'signin') ctx.engine.signIn(second, now);
    else if (third === 'release') ctx.engine.release(second, now);
    else return notFound(`/sim-control/${segments.join('/')}`);
    return { status: 200, body: agentState(ctx, second) };
  }
  if (key === 'PUT wire' && segments.length === 1) {
    const p = wireRequest.safeParse(json);
    if (!p.success) return badRequest(p.error);
    if (p.data.numericStatus !== undefined) ctx.wire.numericStatus = p.data.numericStatus;
    return { status: 200, body: { ...ctx.wire } };
  }
  if (key === 'POST churn' && segments.length === 1) {
    const p = churnRequest.safeParse(json);
    if (!p.success) return badRequest(p.error);
    return { status: 200, body: { changed: ctx.engine.churn(p.data.fraction, ctx.now()) } };
  }
  if (first === 'faults') {
    if (method === 'POST' && segments.length === 1) {
      const p = faultRequest.safeParse(json);
      if (!p.success) return badRequest(p.error);
      const fault = ctx.faults.add(p.data);
      return { status: 200, body: { id: fault.id, fault } };
    }
    if (method === 'GET' && segments.length === 1)
      return { status: 200, body: { faults: ctx.faults.list() } };
    if (method === 'DELETE' && segments.length === 1) {
      ctx.faults.clear();
      return { status: 200, body: { cleared: true } };
    }
    if (method === 'DELETE' && second !== undefined && segments.length === 2) {
      return ctx.faults.remove(second)
        ? { status: 200, body: { removed: second } }
        : notFound(`fault ${second}`);
    }
  }
  if (method === 'POST' && first === 'sessions' && second === 'expire' && segments.length === 2) {
    const before = ctx.sessions
      .all()
      .filter((s) => s.signedIn)
      .map((s) => s.workno);
    ctx.sessions.endAll(ctx.now(), 'expired');
    return { status: 200, body: { expired: before } };
  }
  if (method === 'PUT' && first === 'accounts' && second !== undefined && segments.length === 2) {
    if (!/^\d{1,6}$/.test(second)) return badRequest('workno must be 1-6 digits');
    const p = accountRequest.safeParse(json);
    if (!p.success) return badRequest(p.error);
    const { password: _password, ...account } = ctx.accounts.update(second, p.data);
    return { status: 200, body: { workno: second, ...account } };
  }
  if (first === 'counters') {
    if (method === 'GET' && segments.length === 1) return { status: 200, body: counters(ctx) };
    if (method === 'POST' && second === 'reset' && segments.length === 2) {
      ctx.counters.reset();
      ctx.limiter.resetStats();
      return { status: 200, body: { reset: true } };
    }
  }
  return notFound(`${method} /sim-control/${segments.join('/')}`);
}

function counters(ctx: SimContext) {
  const now = ctx.now();
  ctx.sessions.expireIdle(now);
  return {
    routes: { ...ctx.counters.routes },
    rejected: { ...ctx.counters.rejected },
    maxInWindow: ctx.limiter.maxInWindow(),
    guidsIssued: [...ctx.counters.guidsIssued],
    sessions: ctx.sessions.all().map((s) => ({
      workno: s.workno,
      signedIn: s.signedIn,
      guid: s.signedIn ? s.currentGuid : null,
      validGuids: ctx.sessions.validGuids(s, now),
      loginTime: s.loginTime,
      lastRequestAt: s.lastRequestAt,
      endedAt: s.endedAt,
      endReason: s.endReason,
      queuedEvents: s.events.length,
      pollWaiting: s.heldPoll !== null,
    })),
  };
}

export async function handleControl(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
): Promise<void> {
  const segments = subPath.split('/').filter((s) => s.length > 0);
  const out = await route(ctx, req.method ?? 'GET', segments, req);
  sendJson(res, out.status, out.body);
}
