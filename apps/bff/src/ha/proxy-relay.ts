// The read-only gateway proxy on a follower: it holds no Guid, so it hands the call to the leader
// through Redis and answers with what the leader got. The leader makes the call through its own
// session, so it spends the one account's budget like every other call (caller `proxy`) and takes
// any Set-GUID back itself. Requests and answers travel on pub/sub channels; a request nobody
// answers in time (no leader, Redis away) ends in the caller's timeout.
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { GatewayAnswer, GatewayQueryRoute, GatewaySessionPort } from '../gateway/types';

interface RelayRequest {
  id: string;
  replyTo: string;
  route: GatewayQueryRoute;
  params: Record<string, string>;
}

type RelayReply =
  | { id: string; answer: Pick<GatewayAnswer, 'httpStatus' | 'body' | 'retcode'> }
  | { id: string; error: string };

export interface ProxyRelay {
  /** Channels this replica's subscriber must listen on. */
  channels: string[];
  /** Feed one pub/sub message in; false when it is not the relay's. */
  onMessage(channel: string, text: string): boolean;
  /** A follower's call, answered by the leader. Rejects on timeout or a failed call. */
  call(route: GatewayQueryRoute, params: Record<string, string>): Promise<GatewayAnswer>;
  close(): void;
}

export function createProxyRelay(opts: {
  redis: Redis;
  prefix: string;
  replicaId: string;
  /** The leader's session, or null on a follower. */
  leaderSession: () => GatewaySessionPort | null;
  timeoutMs: number;
}): ProxyRelay {
  const requests = `${opts.prefix}:proxy`;
  const replies = `${opts.prefix}:proxy:${opts.replicaId}`;
  const waiting = new Map<
    string,
    { resolve: (a: GatewayAnswer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();

  async function serve(req: RelayRequest): Promise<void> {
    const session = opts.leaderSession();
    if (!session) return; // only the leader answers
    let reply: RelayReply;
    try {
      const a = await session.call({ route: req.route, params: req.params, caller: 'proxy' });
      reply = {
        id: req.id,
        answer: { httpStatus: a.httpStatus, body: a.body, retcode: a.retcode },
      };
    } catch (err) {
      reply = { id: req.id, error: (err as { code?: string }).code ?? 'ERROR' };
    }
    await opts.redis.publish(req.replyTo, JSON.stringify(reply)).catch(() => {});
  }

  return {
    channels: [requests, replies],
    onMessage(channel, text) {
      if (channel === requests) {
        void serve(JSON.parse(text) as RelayRequest);
        return true;
      }
      if (channel !== replies) return false;
      const reply = JSON.parse(text) as RelayReply;
      const w = waiting.get(reply.id);
      if (!w) return true;
      waiting.delete(reply.id);
      clearTimeout(w.timer);
      if ('error' in reply) w.reject(Object.assign(new Error(reply.error), { code: reply.error }));
      else w.resolve({ ...reply.answer, latencyMs: 0 });
      return true;
    },
    call(route, params) {
      const id = randomUUID();
      return new Promise<GatewayAnswer>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(Object.assign(new Error('no answer from the leader'), { code: 'TIMEOUT' }));
        }, opts.timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        const req: RelayRequest = { id, replyTo: replies, route, params };
        opts.redis.publish(requests, JSON.stringify(req)).catch((err: unknown) => {
          waiting.delete(id);
          clearTimeout(timer);
          reject(Object.assign(new Error(String(err)), { code: 'REDIS_UNAVAILABLE' }));
        });
      });
    },
    close() {
      for (const w of waiting.values()) clearTimeout(w.timer);
      waiting.clear();
    },
  };
}
