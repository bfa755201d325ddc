// /api/v1/me/*: what each user keeps for themselves on the server (saved views, preferences).
// Wall displays share one sign-in per link or users-file entry, so they read but never write.
import {
  preferences,
  savedViewInput,
  type FieldIssue,
  type SavedView,
} from '@floorwatch/contracts/api';
import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import type { SessionStore } from '../auth/session-store';
import type { SettingsStore } from '../store/types';
import { AppError } from './app-error';
import { authOf, requireAuth, requireRole } from './auth-middleware';

/** Enough for every screen and filter a person uses; bounds what one user can store. */
export const MAX_VIEWS_PER_USER = 100;

export function meRouter(deps: {
  sessions: SessionStore;
  store: SettingsStore;
  now: () => number;
}): Router {
  const { store } = deps;
  const r = Router();
  const signedIn = requireAuth(deps.sessions);
  const person = requireRole('admin', 'supervisor', 'teamlead');
  const username = (res: Parameters<typeof authOf>[0]) => authOf(res).user.username;

  r.get('/me/views', signedIn, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await store.views(username(res)));
  });
  r.post('/me/views', signedIn, person, async (req, res) => {
    const input = savedViewInput.parse(req.body);
    const user = username(res);
    if ((await store.views(user)).length >= MAX_VIEWS_PER_USER)
      throw AppError.badRequest(`At most ${MAX_VIEWS_PER_USER} saved views; delete one first`, [
        {
          path: '',
          message: 'too many saved views',
          code: 'too_big',
          origin: 'saved-views',
          maximum: MAX_VIEWS_PER_USER,
          inclusive: true,
        } satisfies FieldIssue,
      ]);
    const view: SavedView = {
      id: randomBytes(9).toString('base64url'),
      name: input.name,
      path: input.path,
      createdAt: deps.now(),
    };
    await store.addView(user, view);
    res.status(201).set('Cache-Control', 'no-store').json(view);
  });
  r.delete('/me/views/:id', signedIn, person, async (req, res) => {
    if (!(await store.deleteView(username(res), String(req.params.id))))
      throw AppError.notFound('No such saved view');
    res.status(204).end();
  });

  r.get('/me/preferences', signedIn, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await store.preferences(username(res)));
  });
  r.put('/me/preferences', signedIn, person, async (req, res) => {
    const next = preferences.parse(req.body);
    res.set('Cache-Control', 'no-store').json(await store.putPreferences(username(res), next));
  });

  return r;
}
