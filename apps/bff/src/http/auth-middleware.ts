// Resolves the fw_session cookie to a signed-in user for every /api route that needs one.
import type { Role } from '@floorwatch/contracts/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthSession, SessionStore } from '../auth/session-store';
import { AppError } from './app-error';
import { readCookie, SESSION_COOKIE, setSessionCookie } from './cookies';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      auth?: AuthSession;
    }
  }
}

export function requireAuth(store: SessionStore): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const session = store.get(readCookie(req, SESSION_COOKIE));
    if (!session) {
      next(AppError.unauthenticated());
      return;
    }
    res.locals.auth = session;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const role = res.locals.auth?.user.role;
    if (!role || !roles.includes(role)) {
      next(AppError.forbidden(`This needs the ${roles.join(' or ')} role`));
      return;
    }
    next();
  };
}

/** The session resolved by requireAuth; routers call this only behind it. */
export function authOf(res: Response): AuthSession {
  const s = res.locals.auth;
  if (!s) throw AppError.unauthenticated();
  return s;
}

const COOKIE_REFRESH_MS = 3600_000;

/**
 * A wallboard's server-side session slides, so its cookie must slide too or the browser would
 * drop it after the first TTL even though the display never stopped. Re-issued at most hourly.
 */
export function refreshWallboardCookie(
  store: SessionStore,
  secureCookie: (req: Request) => boolean,
): RequestHandler {
  return (req, res, next) => {
    const session = store.get(readCookie(req, SESSION_COOKIE));
    if (session?.user.role === 'wallboard' && store.now() - session.cookieAt > COOKIE_REFRESH_MS) {
      session.cookieAt = store.now();
      setSessionCookie(res, session.id, {
        maxAgeMs: store.ttlMs(session.user),
        secure: secureCookie(req),
      });
    }
    next();
  };
}
