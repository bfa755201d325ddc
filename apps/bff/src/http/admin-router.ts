// /api/v1/admin: the shared settings only admins change (limits, reason and group names, wall
// links) and the audit log of those changes. Every body is parsed by its contract (400 naming the
// field), every change names the version it was based on (409 CONFLICT with the current item when
// someone changed it meanwhile), and the store records who changed what, before and after.
import {
  auditPage,
  group,
  queueLimits,
  reason,
  siteLimits,
  wallLink,
  wallLinkCreate,
  wallLinkInput,
  type WallLink,
  type WallLinkCreated,
} from '@floorwatch/contracts/api';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { SessionStore } from '../auth/session-store';
import { hashWallToken, newWallToken } from '../auth/wall-link-token';
import type { Actor, Change, SettingsStore } from '../store/types';
import { AppError } from './app-error';
import { authOf, requireAuth, requireRole } from './auth-middleware';

const versionQuery = z.object({
  version: z.coerce.number().int().nonnegative().describe('The version being deleted'),
});
const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The body with the item's key from the path, so one contract checks both. */
function bodyWith(req: Request, key: Record<string, unknown>): unknown {
  const b: unknown = req.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? { ...b, ...key } : b;
}

/** The change's value, or the error that tells the admin why it was not made. */
function settled<T>(change: Change<T>, what: string): T {
  if (change.ok) return change.value;
  if (change.reason === 'conflict') throw AppError.conflict(change.current);
  throw AppError.notFound(`No such ${what}`);
}

const json = (res: Response, body: unknown) => res.set('Cache-Control', 'no-store').json(body);

export function adminRouter(deps: {
  sessions: SessionStore;
  store: SettingsStore;
  now: () => number;
  /** A wall link changed (its sessions see new queues) or was deleted (its sessions end). */
  onWallLinkChanged: (id: string, link: WallLink | null) => void;
}): Router {
  const { store } = deps;
  const r = Router();
  r.use('/admin', requireAuth(deps.sessions), requireRole('admin'));
  const actor = (res: Response): Actor => ({ username: authOf(res).user.username, at: deps.now() });

  r.put('/admin/limits/site', async (req, res) => {
    const next = siteLimits.parse(req.body);
    json(res, settled(await store.putSiteLimits(next, actor(res)), 'site limits'));
  });

  r.put('/admin/limits/queues/:skillId', async (req, res) => {
    const next = queueLimits.parse(bodyWith(req, { skillId: Number(req.params.skillId) }));
    json(res, settled(await store.putQueueLimits(next.skillId, next, actor(res)), 'queue limits'));
  });
  r.delete('/admin/limits/queues/:skillId', async (req, res) => {
    const { skillId } = queueLimits.pick({ skillId: true }).parse({
      skillId: Number(req.params.skillId),
    });
    const { version } = versionQuery.parse(req.query);
    settled(await store.deleteQueueLimits(skillId, version, actor(res)), 'queue limits');
    res.status(204).end();
  });

  r.put('/admin/reasons/:code', async (req, res) => {
    const next = reason.parse(bodyWith(req, { code: Number(req.params.code) }));
    json(res, settled(await store.putReason(next.code, next, actor(res)), 'reason'));
  });
  r.delete('/admin/reasons/:code', async (req, res) => {
    const { code } = reason.pick({ code: true }).parse({ code: Number(req.params.code) });
    const { version } = versionQuery.parse(req.query);
    settled(await store.deleteReason(code, version, actor(res)), 'reason');
    res.status(204).end();
  });

  r.put('/admin/groups/:groupId', async (req, res) => {
    const next = group.parse(bodyWith(req, { groupId: Number(req.params.groupId) }));
    json(res, settled(await store.putGroup(next.groupId, next, actor(res)), 'group'));
  });
  r.delete('/admin/groups/:groupId', async (req, res) => {
    const { groupId } = group.pick({ groupId: true }).parse({
      groupId: Number(req.params.groupId),
    });
    const { version } = versionQuery.parse(req.query);
    settled(await store.deleteGroup(groupId, version, actor(res)), 'group');
    res.status(204).end();
  });

  r.get('/admin/wall-links', async (_req, res) => {
    json(res, z.array(wallLink).parse(await store.wallLinks()));
  });
  r.post('/admin/wall-links', async (req, res) => {
    const input = wallLinkCreate.parse(req.body);
    const token = newWallToken();
    const link = await store.createWallLink(input, hashWallToken(token), actor(res));
    const body: WallLinkCreated = { link, token, path: `/wall?token=${token}` };
    res.status(201);
    json(res, body);
  });
  r.put('/admin/wall-links/:id', async (req, res) => {
    const next = wallLinkInput.parse(req.body);
    const id = String(req.params.id);
    const link = settled(await store.putWallLink(id, next, actor(res)), 'wall link');
    deps.onWallLinkChanged(id, link);
    json(res, link);
  });
  r.delete('/admin/wall-links/:id', async (req, res) => {
    const { version } = versionQuery.parse(req.query);
    const id = String(req.params.id);
    settled(await store.deleteWallLink(id, version, actor(res)), 'wall link');
    deps.onWallLinkChanged(id, null);
    res.status(204).end();
  });

  r.get('/admin/audit', async (req, res) => {
    const q = auditQuery.parse(req.query);
    json(
      res,
      auditPage.parse(
        await store.audit({ limit: q.limit, ...(q.before ? { before: q.before } : {}) }),
      ),
    );
  });

  return r;
}
