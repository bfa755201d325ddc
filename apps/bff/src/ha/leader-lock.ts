// The leader lock of the replicas that share one gateway account: one Redis key with a TTL,
// renewed by its holder, whose value carries a fencing token. The token grows with every new
// holder, even across a Redis restart (it starts from the clock), so a replica that learns of a
// newer token knows its own term is over, and every publish checks the lock in the same script
// (commit-feed.ts).
import type { Redis } from 'ioredis';

/** Renews when the key is ours; takes it back when it vanished (Redis restarted, or a pause
 *  outlived the TTL) and nobody else took it; 0 when another replica holds it. */
const RENEW = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The next fencing token: at least the clock in ms, so it keeps growing after Redis lost it. */
const NEXT_TOKEN = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
local t = redis.call('INCR', KEYS[1])
if t < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end
return t`;

export interface LeaderTerm {
  /** The fencing token of this term. */
  token: number;
  /** The lock key's value while this replica holds it. */
  value: string;
}

export interface LeaderLock {
  readonly key: string;
  /** Takes the lock when nobody holds it. */
  tryAcquire(): Promise<LeaderTerm | null>;
  /** 'held' or 'lost' (another replica holds it). Rejects when Redis cannot be reached. */
  renew(term: LeaderTerm): Promise<'held' | 'lost'>;
  release(term: LeaderTerm): Promise<void>;
  /** Whether this term's lock was confirmed within the TTL (no Redis call). */
  confirmed(term: LeaderTerm): boolean;
  /** The holder's replica id and token, or null. */
  holder(): Promise<{ replica: string; token: number } | null>;
}

export function createLeaderLock(opts: {
  redis: Redis;
  prefix: string;
  replicaId: string;
  ttlMs: number;
  now?: () => number;
}): LeaderLock {
  const now = opts.now ?? Date.now;
  const key = `${opts.prefix}:leader`;
  const fenceKey = `${opts.prefix}:fence`;
  const { redis } = opts;
  let confirmedAt = 0;
  let confirmedValue = '';

  const confirm = (value: string) => {
    confirmedAt = now();
    confirmedValue = value;
  };

  return {
    key,
    async tryAcquire() {
      const token = Number(await redis.eval(NEXT_TOKEN, 1, fenceKey, String(now())));
      const value = `${token}|${opts.replicaId}`;
      const ok = await redis.set(key, value, 'PX', opts.ttlMs, 'NX');
      if (ok !== 'OK') return null;
      confirm(value);
      return { token, value };
    },
    async renew(term) {
      const r = Number(await redis.eval(RENEW, 1, key, term.value, String(opts.ttlMs)));
      if (r === 1) {
        confirm(term.value);
        return 'held';
      }
      confirmedAt = 0;
      return 'lost';
    },
    async release(term) {
      confirmedAt = 0;
      await redis.eval(RELEASE, 1, key, term.value);
    },
    confirmed: (term) => confirmedValue === term.value && now() - confirmedAt < opts.ttlMs,
    async holder() {
      const v = await redis.get(key);
      if (!v) return null;
      const [token, ...rest] = v.split('|');
      return { token: Number(token), replica: rest.join('|') };
    },
  };
}
