// Sign-in (password or wallboard link token), sign-out and "who am I" (with the wall link's
// settings for a wall display opened with a stored link).
import { sessionRequest, type Me } from '@floorwatch/contracts/api';
import { Router, type Request } from 'express';
import type { AuthService } from '../auth/auth-service';
import type { SessionStore } from '../auth/session-store';
import type { User } from '../auth/users-file';
import type { SettingsStore } from '../store/types';
import { authOf, requireAuth } from './auth-middleware';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './cookies';
import { wallDisplayFor } from './settings-router';

export function sessionRouter(deps: {
  auth: AuthService;
  sessions: SessionStore;
  secureCookie: (req: Request) => boolean;
  onSignOut: (sessionId: string) => void;
  store: SettingsStore;
}): Router {
  const r = Router();
  const meOf = async (u: User): Promise<Me> => ({
    username: u.username,
    role: u.role,
    queues: u.queues,
    wall: await wallDisplayFor(deps.store, u),
  });

  r.post('/session', async (req, res) => {
    const body = sessionRequest.parse(req.body);
    const user = await deps.auth.authenticate(body, req.ip ?? 'unknown');
    // A fresh id on every sign-in: an old cookie (possibly someone else's) is never upgraded.
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) deps.sessions.delete(previous);
    const session = deps.sessions.create(user);
    // The next request may reach another replica: the session must be there first.
    await deps.sessions.saved(session.id);
    setSessionCookie(res, session.id, {
      maxAgeMs: deps.sessions.ttlMs(user),
      secure: deps.secureCookie(req),
    });
    req.log?.info({ user: user.username, role: user.role }, 'signed in');
    res
      .status(200)
      .set('Cache-Control', 'no-store')
      .json(await meOf(user));
  });

  r.delete('/session', requireAuth(deps.sessions), (req, res) => {
    const s = authOf(res);
    deps.sessions.delete(s.id);
    deps.onSignOut(s.id);
    clearSessionCookie(res, deps.secureCookie(req));
    res.status(204).end();
  });

  r.get('/me', requireAuth(deps.sessions), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await meOf(authOf(res).user));
  });

  return r;
}
