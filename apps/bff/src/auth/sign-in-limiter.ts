// How many password guesses a client gets, and who pays for them.
// - Per (address, username) and per address: refused (429) past a small number of failures. The
//   attempt is reserved before the slow hash, so parallel guesses cannot all slip under the limit.
// - Per username from every address: never refused, only slowed by a delay that doubles with each
//   failure. Refusing there would let anyone lock a named user out by guessing wrong on purpose;
//   the real user still gets in, a little later.
import type { AttemptStore } from './attempt-store';

export interface SignInLimits {
  /** Length of every counting window. */
  windowMs: number;
  /** Failed sign-ins one address may make for one username (or link token) per window. */
  maxPerAddressUser: number;
  /** Failed sign-ins one address may make in total per window (username spraying). */
  maxPerAddress: number;
  /** Failed sign-ins for one username, from anywhere, before every further try is slowed. */
  userFreeFailures: number;
  /** The first delay once a username is slowed; it doubles with every further failure. */
  userDelayMs: number;
  userMaxDelayMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 60_000,
  maxPerAddressUser: 5,
  maxPerAddress: 20,
  userFreeFailures: 5,
  userDelayMs: 500,
  userMaxDelayMs: 8000,
};

/** `address-user` and `address` start refusing; `user` starts slowing a username down. */
export type LockoutScope = 'address' | 'address-user' | 'user';

export interface LockoutEvent {
  scope: LockoutScope;
  address: string;
  /** The username tried (lower case), or null for wallboard link tokens. */
  user: string | null;
  failures: number;
  windowMs: number;
}

export type Admission =
  | { admitted: false; retryAfterSec: number }
  | {
      admitted: true;
      /** How long to wait before checking the password. */
      delayMs: number;
      /** Reports the outcome; a success gives the reserved attempt back. */
      settle(success: boolean): Promise<void>;
    };

export interface SignInLimiter {
  /** Reserves one attempt for `address` and `user` (null: a link token) before any check. */
  admit(address: string, user: string | null): Promise<Admission>;
}

export function createSignInLimiter(opts: {
  store: AttemptStore;
  limits?: Partial<SignInLimits>;
  onLockout?: (e: LockoutEvent) => void;
  now?: () => number;
}): SignInLimiter {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...opts.limits };
  const { store } = opts;
  const now = opts.now ?? Date.now;
  const w = limits.windowMs;
  const lockout = (scope: LockoutScope, address: string, user: string | null, failures: number) =>
    opts.onLockout?.({ scope, address, user, failures, windowMs: w });

  return {
    async admit(address, user) {
      const addrKey = `a:${address}`;
      // Link tokens have no username; their own per-address key keeps them apart from users'.
      const pairKey = user === null ? `t:${address}` : `au:${address}\n${user}`;
      const [addr, pair] = await Promise.all([store.add(addrKey, w), store.add(pairKey, w)]);
      const blocking = [
        addr.count > limits.maxPerAddress ? addr : null,
        pair.count > limits.maxPerAddressUser ? pair : null,
      ].filter((x) => x !== null);
      if (blocking.length > 0) {
        // Refused unheard: it must not count, or refusals would keep extending the lockout.
        await Promise.all([store.remove(addrKey), store.remove(pairKey)]);
        const until = Math.max(...blocking.map((b) => b.resetAt));
        return { admitted: false, retryAfterSec: Math.max(1, Math.ceil((until - now()) / 1000)) };
      }

      const userKey = user === null ? null : `u:${user}`;
      const mine = userKey === null ? null : await store.add(userKey, w);
      // Attempts before this one (failures, and guesses still being checked) beyond the free ones.
      const over = mine === null ? -1 : mine.count - 1 - limits.userFreeFailures;
      const delayMs =
        over < 0 ? 0 : Math.min(limits.userDelayMs * 2 ** over, limits.userMaxDelayMs);

      return {
        admitted: true,
        delayMs,
        async settle(success) {
          if (success) {
            await Promise.all([
              store.reset(pairKey),
              store.remove(addrKey),
              userKey === null ? null : store.remove(userKey),
            ]);
            return;
          }
          // Counts are distinct per attempt, so each threshold is reported once per window.
          if (pair.count === limits.maxPerAddressUser)
            lockout('address-user', address, user, pair.count);
          if (addr.count === limits.maxPerAddress) lockout('address', address, user, addr.count);
          if (mine !== null && mine.count === limits.userFreeFailures)
            lockout('user', address, user, mine.count);
        },
      };
    },
  };
}
