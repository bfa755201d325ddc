// Control of the gateway itself: faults, sessions (expire, a sign-in elsewhere, a restart),
// accounts, the overload control, and what the simulator saw (counters, sign-ins and sign-outs).
import { z } from 'zod';
import type { SimContext } from '../context';
import { faultRequest } from '../faults';
import { REFUSAL_MODES } from '../rate-limiter';
import { badRequest, notFound, okJson, withBody, type ControlRoute } from './router';

const accountRequest = z.object({
  canQuery: z.boolean().optional(),
  forceLoginAllowed: z.boolean().optional(),
  locked: z.boolean().optional(),
  passwordExpired: z.boolean().optional(),
  password: z.string().min(1).max(32).optional(),
});
const rateLimitRequest = z.object({
  max: z.number().int().min(1).max(100_000).optional(),
  windowMs: z.number().int().min(1).max(3_600_000).optional(),
  refusal: z.enum(REFUSAL_MODES).optional(),
});
const restartRequest = z.object({ downMs: z.number().int().min(0).max(600_000).default(0) });
const WORKNO = /^\d{1,6}$/;

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
      mode: s.mode,
      guid: s.signedIn ? s.currentGuid : null,
      validGuids: ctx.sessions.validGuids(s, now),
      loginTime: s.loginTime,
      lastRequestAt: s.lastRequestAt,
      lastKeepAliveAt: s.lastKeepAliveAt,
      endedAt: s.endedAt,
      endReason: s.endReason,
      queuedEvents: s.events.length,
      pollWaiting: s.heldPoll !== null,
    })),
  };
}

export const GATEWAY_CONTROLS: readonly ControlRoute[] = [
  {
    method: 'POST',
    path: 'faults',
    handle: ({ ctx, json }) =>
      withBody(faultRequest, json, (p) => {
        const fault = ctx.faults.add(p);
        return okJson({ id: fault.id, fault });
      }),
  },
  { method: 'GET', path: 'faults', handle: ({ ctx }) => okJson({ faults: ctx.faults.list() }) },
  {
    method: 'DELETE',
    path: 'faults',
    handle: ({ ctx }) => {
      ctx.faults.clear();
      return okJson({ cleared: true });
    },
  },
  {
    method: 'DELETE',
    path: 'faults/:id',
    handle: ({ ctx, params }) =>
      ctx.faults.remove(params.id ?? '')
        ? okJson({ removed: params.id })
        : notFound(`fault ${params.id}`),
  },
  {
    method: 'POST',
    path: 'sessions/expire',
    handle: ({ ctx }) => okJson({ expired: ctx.sessions.endAll(ctx.now(), 'expired') }),
  },
  {
    // Another client signs in as this work number with a forced sign-in: the session open now
    // (if any) is forced out, and the new one is held by nobody, so a login answers 100-002.
    method: 'POST',
    path: 'sessions/:workno/elsewhere',
    handle: ({ ctx, params }) => {
      const workno = params.workno ?? '';
      if (!WORKNO.test(workno)) return badRequest('workno must be 1-6 digits');
      if (!ctx.accounts.get(workno)) return notFound(`account ${workno}`);
      const forcedOut = ctx.sessions.active(workno, ctx.now()) !== undefined;
      ctx.openSession(workno, 'elsewhere', { phone: null, serviceToken: null });
      return okJson({ workno, forcedOut });
    },
  },
  {
    method: 'POST',
    path: 'restart',
    handle: ({ ctx, json }) =>
      withBody(restartRequest, json, (p) => okJson({ restarted: true, ...ctx.restart(p.downMs) })),
  },
  {
    method: 'PUT',
    path: 'accounts/:workno',
    handle: ({ ctx, params, json }) => {
      const workno = params.workno ?? '';
      if (!WORKNO.test(workno)) return badRequest('workno must be 1-6 digits');
      return withBody(accountRequest, json, (p) => {
        const { password: _password, ...account } = ctx.accounts.update(workno, p);
        return okJson({ workno, ...account });
      });
    },
  },
  {
    method: 'PUT',
    path: 'rate-limit',
    handle: ({ ctx, json }) =>
      withBody(rateLimitRequest, json, (p) => okJson(ctx.limiter.configure(p))),
  },
  { method: 'GET', path: 'counters', handle: ({ ctx }) => okJson(counters(ctx)) },
  {
    method: 'POST',
    path: 'counters/reset',
    handle: ({ ctx }) => {
      ctx.counters.reset();
      ctx.limiter.resetStats();
      ctx.signins.clear();
      return okJson({ reset: true });
    },
  },
  {
    method: 'GET',
    path: 'signins',
    handle: ({ ctx }) => {
      ctx.sessions.expireIdle(ctx.now());
      return okJson({ records: ctx.signins.list() });
    },
  },
  {
    method: 'GET',
    path: 'signins/:workno',
    handle: ({ ctx, params }) => {
      ctx.sessions.expireIdle(ctx.now());
      return okJson({ records: ctx.signins.list(params.workno) });
    },
  },
];
