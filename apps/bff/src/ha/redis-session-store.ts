// Browser sessions shared by every replica through Redis, so a restart or the load balancer
// sending the next request elsewhere signs nobody out. Redis holds who and until when, under a
// hash of the session id (the id itself is the secret); the user's role and queues come from the
// users file at each sync, so editing the file takes effect everywhere, or, for a wall display
// opened with a stored link, from that link in the shared settings store. Memory is the working
// copy the request path reads; sync() refreshes it from Redis first. While Redis is away, the
// sessions this replica already knows keep working. A sign-out is announced on a channel, so every
// replica forgets that session at once and its hub ends the session's open streams there too.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  createSessionStore,
  sessionTtlMs,
  type AuthSession,
  type SessionStore,
} from '../auth/session-store';
import type { User } from '../auth/users-file';

interface Stored {
  username: string;
  createdAt: number;
  expiresAt: number;
}

export function createRedisSessionStore(opts: {
  redis: Redis;
  prefix: string;
  ttlHours: number;
  users: readonly User[];
  /** A user who is not in the users file (a stored wall link's display); null when gone. */
  resolveUser?: (username: string) => Promise<User | null>;
  /** A connection of its own for the sign-out channel (a subscribed connection does nothing
   *  else); without one, another replica learns of a sign-out at that session's next request. */
  subscriber?: Redis;
  logger: Logger;
  now?: () => number;
}): SessionStore {
  const now = opts.now ?? Date.now;
  const { redis } = opts;
  const local = createSessionStore({ ttlHours: opts.ttlHours, now });
  const adopted = new Map<string, AuthSession>();
  const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');
  const key = (id: string) => `${opts.prefix}:session:${hashOf(id)}`;
  const signOuts = `${opts.prefix}:signouts`;
  // The sessions this replica holds, by hash (what a sign-out announces; never the id itself),
  // with when to forget the entry (a wall display's session slides, so it is kept until ended).
  const known = new Map<string, { id: string; until: number }>();
  const remember = (s: AuthSession) =>
    known.set(hashOf(s.id), {
      id: s.id,
      until: s.user.role === 'wallboard' ? Infinity : s.expiresAt,
    });
  const forget = (id: string) => {
    local.delete(id);
    adopted.delete(id);
    known.delete(hashOf(id));
  };
  const prune = setInterval(() => {
    const t = now();
    for (const [h, k] of known) if (k.until <= t) known.delete(h);
  }, 600_000);
  prune.unref();
  const warn = (what: string) => (err: unknown) =>
    opts.logger.warn({ err: String(err) }, `shared sessions: ${what} failed (Redis unreachable?)`);
  const sub = opts.subscriber;
  if (sub) {
    sub.on('error', (err: Error) => opts.logger.debug({ err: err.message }, 'Redis connection'));
    sub.on('message', (channel: string, hash: string) => {
      const k = channel === signOuts ? known.get(hash) : undefined;
      if (k) forget(k.id);
    });
    // On every (re)connection: a sign-out announced while away is learnt at the next request.
    sub.on('ready', () => void sub.subscribe(signOuts).catch(warn('following sign-outs')));
    sub.connect().catch(() => {}); // retried by its retryStrategy
  }
  const pending = new Map<string, Promise<void>>();

  const write = (s: AuthSession) => {
    const stored: Stored = {
      username: s.user.username,
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
    };
    return redis
      .set(key(s.id), JSON.stringify(stored), 'PX', Math.max(1, s.expiresAt - now()))
      .then(() => undefined);
  };

  return {
    ...local,
    create(user) {
      const s = local.create(user);
      pending.set(s.id, write(s).catch(warn('saving a sign-in')));
      remember(s);
      return s;
    },
    get(id) {
      const s = local.get(id) ?? (id ? (adopted.get(id) ?? null) : null);
      if (!s) return null;
      const t = now();
      if (s.expiresAt <= t) {
        adopted.delete(s.id);
        return null;
      }
      if (s.user.role === 'wallboard') {
        const before = s.expiresAt;
        s.expiresAt = t + sessionTtlMs(s.user, opts.ttlHours);
        // Slide in Redis too, but not on every request.
        if (s.expiresAt - before > 60_000) void write(s).catch(warn('sliding a wallboard'));
      }
      return s;
    },
    delete(id) {
      forget(id);
      void redis
        .multi()
        .del(key(id))
        .publish(signOuts, hashOf(id))
        .exec()
        .catch(warn('a sign-out'));
    },
    // The sessions this replica knows, created here or adopted from another replica alike.
    deleteWhere(match) {
      const ids = local.deleteWhere(match);
      for (const [id, s] of adopted)
        if (match(s.user)) {
          adopted.delete(id);
          ids.push(id);
        }
      for (const id of ids) known.delete(hashOf(id));
      if (ids.length > 0) void redis.del(...ids.map(key)).catch(warn('ending sessions'));
      return ids;
    },
    updateWhere(match, update) {
      const ids = local.updateWhere(match, update);
      for (const [id, s] of adopted)
        if (match(s.user)) {
          adopted.set(id, { ...s, user: update(s.user) });
          ids.push(id);
        }
      return ids;
    },
    async sync(id) {
      if (!id) return;
      let stored: Stored | null;
      let user: User | null = null;
      try {
        const text = await redis.get(key(id));
        stored = text === null ? null : (JSON.parse(text) as Stored);
        const name = stored?.username;
        if (name !== undefined)
          user =
            opts.users.find((u) => u.username === name) ?? (await opts.resolveUser?.(name)) ?? null;
      } catch {
        return; // Redis away: what this replica knows stays valid
      }
      // Signed out, or a user who is gone (a deleted wall link): ended here too.
      if (stored === null || !user) {
        forget(id);
        return;
      }
      if (local.get(id)) return;
      const prev = adopted.get(id);
      const s: AuthSession = {
        id,
        user,
        createdAt: stored.createdAt,
        expiresAt: Math.max(stored.expiresAt, prev?.expiresAt ?? 0),
        cookieAt: prev?.cookieAt ?? now(),
      };
      adopted.set(id, s);
      remember(s);
    },
    async saved(id) {
      await pending.get(id);
      pending.delete(id);
    },
    size: () => local.size() + adopted.size,
    close() {
      clearInterval(prune);
      sub?.disconnect();
      local.close();
      adopted.clear();
      known.clear();
    },
  };
}
