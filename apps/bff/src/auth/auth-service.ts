// Sign-in checks: password or wallboard link token, with failure limits per IP and per username.
import type { SessionRequest } from '@floorwatch/contracts/api';
import { AppError } from '../http/app-error';
import { verifyPassword } from './password-hash';
import { createFailureLimiter } from './rate-limiter';
import type { User } from './users-file';

export interface AuthService {
  authenticate(req: SessionRequest, ip: string): Promise<User>;
  users(): readonly User[];
}

export function createAuthService(opts: {
  users: User[];
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}): AuthService {
  const byName = new Map(opts.users.map((u) => [u.username.toLowerCase(), u]));
  const wallboards = opts.users.filter((u) => u.linkToken !== null);
  const limiter = createFailureLimiter({
    max: opts.maxFailures ?? 5,
    windowMs: opts.windowMs ?? 60_000,
    ...(opts.now ? { now: opts.now } : {}),
  });
  // Verifying against a dummy hash when the user is unknown keeps the timing of "no such user"
  // close to "wrong password", so usernames cannot be probed by latency.
  const DUMMY =
    'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  const guard = (keys: string[]) => {
    const wait = Math.max(...keys.map((k) => limiter.retryAfterSec(k)));
    if (wait > 0) throw AppError.rateLimited(wait);
  };

  return {
    users: () => opts.users,
    async authenticate(req, ip) {
      const ipKey = `ip:${ip}`;
      if ('token' in req) {
        guard([ipKey]);
        for (const u of wallboards) {
          if (u.linkToken && (await verifyPassword(req.token, u.linkToken))) return u;
        }
        limiter.fail(ipKey);
        throw AppError.unauthenticated('This wallboard link is not valid');
      }
      const userKey = `user:${req.username.toLowerCase()}`;
      guard([ipKey, userKey]);
      const user = byName.get(req.username.toLowerCase());
      const ok = await verifyPassword(req.password, user?.passwordHash ?? DUMMY);
      if (!user || !user.passwordHash || !ok) {
        limiter.fail(ipKey);
        limiter.fail(userKey);
        throw AppError.unauthenticated('Wrong username or password');
      }
      limiter.reset(userKey);
      return user;
    },
  };
}
