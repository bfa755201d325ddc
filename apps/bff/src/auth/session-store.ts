// Browser sessions, in memory for one process; with several replicas the shared store
// (src/ha/redis-session-store.ts) keeps them in Redis and this interface brings the one a request
// names into memory first (sync), so the checks on the request path stay synchronous. Wallboards
// slide their expiry so a floor display never drops mid-shift.
import { randomBytes } from 'node:crypto';
import type { User } from './users-file';

export interface AuthSession {
  id: string;
  /** Replaced (never mutated) when what the user may see changes while signed in. */
  user: User;
  createdAt: number;
  expiresAt: number;
  /** When the browser last got a fresh cookie (wallboards get one again as they slide). */
  cookieAt: number;
}

const WALLBOARD_TTL_MS = 30 * 24 * 3600_000;

export interface SessionStore {
  create(user: User): AuthSession;
  /** The live session, sliding wallboard expiry; null when unknown or expired. */
  get(id: string | undefined): AuthSession | null;
  delete(id: string): void;
  /** Ends every session whose user matches; answers their ids (to end their streams too). */
  deleteWhere(match: (user: User) => boolean): string[];
  /** Replaces the user of every matching session (a wall link's queues changed). */
  updateWhere(match: (user: User) => boolean, update: (user: User) => User): string[];
  ttlMs(user: User): number;
  /** Before a request is checked: the shared store's word on this session, in memory. */
  sync(id: string | undefined): Promise<void>;
  /** Resolves once a new session is where every replica finds it. */
  saved(id: string): Promise<void>;
  size(): number;
  now(): number;
  close(): void;
}

export const sessionTtlMs = (user: User, ttlHours: number) =>
  user.role === 'wallboard' ? WALLBOARD_TTL_MS : ttlHours * 3600_000;

export function createSessionStore(opts: {
  ttlHours: number;
  now?: () => number;
  sweepEveryMs?: number;
}): SessionStore {
  const now = opts.now ?? Date.now;
  const sessions = new Map<string, AuthSession>();
  const ttlMs = (user: User) => sessionTtlMs(user, opts.ttlHours);

  const sweep = setInterval(() => {
    const t = now();
    for (const [id, s] of sessions) if (s.expiresAt <= t) sessions.delete(id);
  }, opts.sweepEveryMs ?? 60_000);
  sweep.unref();

  return {
    create(user) {
      const id = randomBytes(32).toString('base64url');
      const t = now();
      const s = { id, user, createdAt: t, expiresAt: t + ttlMs(user), cookieAt: t };
      sessions.set(id, s);
      return s;
    },
    get(id) {
      if (!id) return null;
      const s = sessions.get(id);
      if (!s) return null;
      const t = now();
      if (s.expiresAt <= t) {
        sessions.delete(id);
        return null;
      }
      if (s.user.role === 'wallboard') s.expiresAt = t + WALLBOARD_TTL_MS;
      return s;
    },
    delete(id) {
      sessions.delete(id);
    },
    deleteWhere(match) {
      const ids = [...sessions.values()].filter((s) => match(s.user)).map((s) => s.id);
      for (const id of ids) sessions.delete(id);
      return ids;
    },
    updateWhere(match, update) {
      const ids: string[] = [];
      for (const s of sessions.values())
        if (match(s.user)) {
          s.user = update(s.user);
          ids.push(s.id);
        }
      return ids;
    },
    ttlMs,
    sync: () => Promise.resolve(),
    saved: () => Promise.resolve(),
    size: () => sessions.size,
    now,
    close() {
      clearInterval(sweep);
      sessions.clear();
    },
  };
}
