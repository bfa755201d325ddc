// Sign-in attempts counted in Redis, so the failure limits hold across replicas: an attacker
// spreading guesses over several replicas is counted once. Each operation is one atomic script.
import type { Redis } from 'ioredis';
import type { AttemptStore } from '../auth/attempt-store';

const ADD = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {c, redis.call('PTTL', KEYS[1])}`;

const REMOVE = `
local c = redis.call('GET', KEYS[1])
if c and tonumber(c) > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

export function createRedisAttemptStore(opts: {
  redis: Redis;
  prefix: string;
  now?: () => number;
}): AttemptStore {
  const now = opts.now ?? Date.now;
  const key = (k: string) => `${opts.prefix}:attempts:${k}`;
  return {
    async add(k, windowMs) {
      const [count, ttl] = (await opts.redis.eval(ADD, 1, key(k), String(windowMs))) as [
        number,
        number,
      ];
      return { count, resetAt: now() + Math.max(0, ttl) };
    },
    async remove(k) {
      await opts.redis.eval(REMOVE, 1, key(k));
    },
    async reset(k) {
      await opts.redis.del(key(k));
    },
  };
}
