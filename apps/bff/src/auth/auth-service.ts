// Sign-in checks: password or wallboard link token. Every attempt is admitted by the sign-in
// limiter first (reserved before the slow hash), and may be slowed down for its username.
import type { SessionRequest } from '@floorwatch/contracts/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignInError } from './auth-errors';
import { costOf, decoyHash, PASSWORD_COST, verifyPassword } from './password-hash';
import type { SignInLimiter } from './sign-in-limiter';
import type { User } from './users-file';

export interface AuthService {
  /** The user, or throws SignInError. */
  authenticate(req: SessionRequest, address: string): Promise<User>;
  users(): readonly User[];
}

export function createAuthService(opts: {
  users: User[];
  limiter: SignInLimiter;
  /** The user a stored wall link's token opens, or null (the settings store's wall links). */
  wallLink?: (token: string) => Promise<User | null>;
  /** Waits out the limiter's delay; injected so tests need no real time. */
  wait?: (ms: number) => Promise<unknown>;
}): AuthService {
  const byName = new Map(opts.users.map((u) => [u.username.toLowerCase(), u]));
  const wallboards = opts.users.filter((u) => u.linkToken !== null);
  const wait = opts.wait ?? ((ms: number) => sleep(ms));
  // Verifying against a decoy at the users' own cost when the user is unknown keeps the timing of
  // "no such user" close to "wrong password", so usernames cannot be probed by latency.
  const firstHash = opts.users.find((u) => u.passwordHash !== null)?.passwordHash;
  const decoy = decoyHash((firstHash && costOf(firstHash)) || PASSWORD_COST);

  /** Runs `check` as one admitted attempt; a false result or a throw counts as a failure. */
  async function attempt<T>(
    address: string,
    user: string | null,
    check: () => Promise<T | null>,
    refused: () => SignInError,
  ): Promise<T> {
    const admission = await opts.limiter.admit(address, user);
    if (!admission.admitted) throw SignInError.tooManyAttempts(admission.retryAfterSec);
    let result: T | null = null;
    try {
      if (admission.delayMs > 0) await wait(admission.delayMs);
      result = await check();
    } finally {
      await admission.settle(result !== null);
    }
    if (result === null) throw refused();
    return result;
  }

  return {
    users: () => opts.users,
    authenticate(req, address) {
      if ('token' in req) {
        return attempt(
          address,
          null,
          async () => {
            const stored = await opts.wallLink?.(req.token);
            if (stored) return stored;
            for (const u of wallboards)
              if (u.linkToken && (await verifyPassword(req.token, u.linkToken))) return u;
            return null;
          },
          () => SignInError.invalidLink(),
        );
      }
      const name = req.username.toLowerCase();
      return attempt(
        address,
        name,
        async () => {
          const user = byName.get(name);
          const ok = await verifyPassword(req.password, user?.passwordHash ?? decoy);
          return user?.passwordHash && ok ? user : null;
        },
        () => SignInError.wrongCredentials(),
      );
    },
  };
}
