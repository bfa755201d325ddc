// How every Redis connection of a replica is made. Commands fail at once while Redis is away (no
// offline queue, no retry of a command): a publish that cannot happen now is worth nothing later,
// a settings read answers what it last knew, and a history batch stays for the next flush. The
// connection itself is retried in the background, every second at most.
import { Redis } from 'ioredis';

/** The longest wait between two attempts to reach Redis again (replica.ts allows for it). */
export const RECONNECT_MAX_MS = 1000;

export function newRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(100 * times, RECONNECT_MAX_MS),
  });
}

/** host:port of a Redis URL, without the credentials it may carry (for logs and messages). */
export function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
}

/** Connects (when not yet asked to) and resolves once the connection is ready; rejects after
 *  `timeoutMs` without one. */
export function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status === 'wait') redis.connect().catch(() => {}); // retried by retryStrategy
  return new Promise((resolve, reject) => {
    let lastError = 'no answer';
    const onError = (err: Error) => (lastError = err.message);
    const onReady = () => {
      clearTimeout(timer);
      redis.off('error', onError);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      redis.off('error', onError);
      reject(new Error(`not ready within ${timeoutMs} ms: ${lastError}`));
    }, timeoutMs);
    redis.once('ready', onReady);
    redis.on('error', onError);
  });
}
