// GET /api/v1/settings: the shared limits and names every screen judges and labels with (queue
// overrides cut to the user's queues), the timings a screen needs, the release id wall displays
// watch to reload after an upgrade, and, for a wall opened with a stored link, that link.
import type { Settings, WallDisplay } from '@floorwatch/contracts/api';
import { Router } from 'express';
import type { SessionStore } from '../auth/session-store';
import type { User } from '../auth/users-file';
import { wallDisplayOf } from '../auth/wall-link-token';
import { allowedOf } from '../live/scope-filter';
import type { SettingsStore } from '../store/types';
import { authOf, requireAuth } from './auth-middleware';

/** The settings of the stored wall link a wall display signed in with; null for anyone else. */
export async function wallDisplayFor(
  store: SettingsStore,
  user: User,
): Promise<WallDisplay | null> {
  if (user.wallLinkId === undefined) return null;
  const link = await store.wallLink(user.wallLinkId);
  return link ? wallDisplayOf(link) : null;
}

export function settingsRouter(deps: {
  sessions: SessionStore;
  store: SettingsStore;
  pollMs: number;
  staleAfterMs: number;
  release: () => string;
}): Router {
  const r = Router();
  r.get('/settings', requireAuth(deps.sessions), async (_req, res) => {
    const user = authOf(res).user;
    const allowed = allowedOf(user.queues);
    const floor = await deps.store.floorSettings();
    const body: Settings = {
      ...floor,
      queueLimits: allowed
        ? floor.queueLimits.filter((q) => allowed.has(q.skillId))
        : floor.queueLimits,
      pollMs: deps.pollMs,
      staleAfterMs: deps.staleAfterMs,
      release: deps.release(),
      wall: await wallDisplayFor(deps.store, user),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
