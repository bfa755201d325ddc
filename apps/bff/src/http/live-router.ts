// Snapshot, one queue, history and the live stream, each cut to the caller's queue scope. /api/v1
// keeps its shapes for integrators (the v1 stream re-sends changed queues whole); /api/v2 is the
// stream the SPA reads (docs/decisions/0011-stream-v2.md).
import type { History, QueueDetail } from '@floorwatch/contracts/api';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { SessionStore } from '../auth/session-store';
import type { SseHub, StreamFormat } from '../live/sse-hub';
import { allowedOf, filterAgents, filterSnapshot, inScope } from '../live/scope-filter';
import type { LiveData } from '../monitor/types';
import { AppError } from './app-error';
import { authOf, requireAuth } from './auth-middleware';

const HOUR = 3600_000;
const MAX_RANGE_MS = 7 * 24 * HOUR;

const skillIdParam = z.coerce.number().int().nonnegative();
export const historyQuery = z
  .object({
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().nonnegative().optional(),
    skillIds: z
      .string()
      .regex(/^(\d+(,\d+)*)?$/, 'a comma-separated list of skill ids')
      .transform((v) => (v === '' ? undefined : v.split(',').map(Number)))
      .optional(),
  })
  .strict();

interface LiveRouterDeps {
  live: LiveData;
  hub: SseHub;
  sessions: SessionStore;
  now: () => number;
}

const queryId = (v: unknown) => (typeof v === 'string' ? v : undefined);

function stream(hub: SseHub, format: StreamFormat) {
  return (req: Request, res: Response) => {
    const s = authOf(res);
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    hub.connect(res, {
      scope: s.user.queues,
      sessionId: s.id,
      // The header from the browser's own retry; the query from a client that opened a new
      // stream itself (an EventSource cannot set the header).
      lastEventId: req.get('Last-Event-ID') ?? queryId(req.query.lastEventId),
      format,
    });
  };
}

/** GET /api/v2/snapshot and /api/v2/stream. */
export function liveV2Router(deps: LiveRouterDeps): Router {
  const r = Router();
  const signedIn = requireAuth(deps.sessions);
  r.get('/snapshot', signedIn, (_req, res) => {
    const allowed = allowedOf(authOf(res).user.queues);
    res.set('Cache-Control', 'no-store').json(filterSnapshot(deps.live.snapshotV2(), allowed));
  });
  r.get('/stream', signedIn, stream(deps.hub, 'v2'));
  return r;
}

export function liveRouter(deps: LiveRouterDeps): Router {
  const r = Router();
  const signedIn = requireAuth(deps.sessions);

  r.get('/snapshot', signedIn, (_req, res) => {
    const allowed = allowedOf(authOf(res).user.queues);
    res.set('Cache-Control', 'no-store').json(filterSnapshot(deps.live.snapshot(), allowed));
  });

  r.get('/queues/:skillId', signedIn, (req, res) => {
    const parsed = skillIdParam.safeParse(req.params.skillId);
    if (!parsed.success) throw AppError.notFound('No such queue');
    const skillId = parsed.data;
    const allowed = allowedOf(authOf(res).user.queues);
    // Out of scope and unknown look the same, so a team lead cannot probe other queues.
    if (!inScope(skillId, allowed)) throw AppError.notFound('No such queue');
    const snap = deps.live.snapshot();
    const queue = snap.queues.find((q) => q.skillId === skillId);
    if (!queue) throw AppError.notFound('No such queue');
    const body: QueueDetail = {
      version: snap.version,
      serverTime: snap.serverTime,
      gateway: snap.gateway,
      queue,
      agents: filterAgents(
        snap.agents.filter((a) => a.skills.includes(skillId)),
        allowed,
      ),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  r.get('/history', signedIn, async (req, res) => {
    const q = historyQuery.parse(req.query);
    const to = q.to ?? deps.now();
    const from = q.from ?? to - HOUR;
    if (from > to) throw AppError.badRequest('from must not be after to');
    if (to - from > MAX_RANGE_MS) throw AppError.badRequest('The range is limited to 7 days');
    const scope = authOf(res).user.queues;
    const allowed = allowedOf(scope);
    if (q.skillIds && allowed && q.skillIds.some((id) => !allowed.has(id)))
      throw AppError.forbidden('A requested queue is outside your queues');
    const skillIds = q.skillIds ?? (scope === '*' ? undefined : scope);
    const h: History = await deps.live.history({ from, to, ...(skillIds ? { skillIds } : {}) });
    const body: History = allowed
      ? { ...h, queues: h.queues.filter((x) => allowed.has(x.skillId)) }
      : h;
    res.set('Cache-Control', 'no-store').json(body);
  });

  // Deprecated for new clients (docs/api.md): kept so integrators' readers keep working.
  r.get('/stream', signedIn, stream(deps.hub, 'v1'));

  return r;
}
