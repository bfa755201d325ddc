// The Redis adapter of the HistoryStore port. Points of one queue live in a sorted set per
// quarter hour, scored by time: a range read is one ZRANGEBYSCORE per set, a prune drops whole
// sets (only the oldest is cut), and each set stays small enough (90 points at the 10 s step)
// for Redis's compact listpack encoding, about a third of the memory of one large sorted set.
// An index (a sorted set of `<skillId>:<bucket start>`) finds the sets a range touches. About
// 46 bytes a point: 48 hours at the 10 s step is some 0.8 MB per queue. Writes go in scripts of
// up to 5,000 points, each whole or not at all; a failed flush is written again, and a point
// written twice is the same point.
import type { HistoryPoint } from '@floorwatch/contracts/api';
import type { AgentState } from '@floorwatch/contracts/gateway';
import type { ChainableCommander, Redis } from 'ioredis';
import { HISTORY_STATES } from '../history-columns';
import type { HistoryStore } from '../types';
import type { StoreKeys } from './keys';

export const BUCKET_MS = 15 * 60_000;
/** Commands per pipeline round trip, so a large floor's read never builds one huge reply. */
const BATCH = 1000;
/** Points per write script: a script runs alone, so a long one would hold up every replica's
 *  other commands. A flush of 500 queues is 1,500 points, one script. */
const WRITE_BATCH = 5000;

/**
 * Writes points, each replacing the one at its time (a step written again before it closed).
 * KEYS: the index, then each point's set. ARGV: the number of points n, n pairs of time and
 * encoded point, then pairs of bucket start and index member.
 */
const WRITE = `
local n = tonumber(ARGV[1])
for i = 1, n do
  local t = ARGV[2 * i]
  redis.call('ZREMRANGEBYSCORE', KEYS[i + 1], t, t)
  redis.call('ZADD', KEYS[i + 1], t, ARGV[2 * i + 1])
end
for j = 2 * n + 2, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], ARGV[j], ARGV[j + 1])
end
return n`;

const bucketOf = (t: number) => Math.floor(t / BUCKET_MS) * BUCKET_MS;
const num = (v: number | null) => (v === null ? '' : String(v));
const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** `<t - bucket>,<waiting>,<longest wait>,<service level>,<state counts…>`: the counts last, so
 *  a state added later reads as 0 from older points. The time keeps equal points apart. */
export function encodePoint(p: HistoryPoint, bucket: number): string {
  const counts = HISTORY_STATES.map((s) => p.counts[s] ?? 0);
  return [p.t - bucket, num(p.waiting), num(p.longestWaitSec), num(p.serviceLevel), ...counts].join(
    ',',
  );
}

export function decodePoint(member: string, bucket: number): HistoryPoint {
  const f = member.split(',');
  const counts = {} as Record<AgentState, number>;
  HISTORY_STATES.forEach((s, i) => (counts[s] = Number(f[4 + i] ?? 0)));
  return {
    t: bucket + Number(f[0]),
    counts,
    waiting: orNull(f[1]),
    longestWaitSec: orNull(f[2]),
    serviceLevel: orNull(f[3]),
  };
}

/** Runs the queued commands; throws the first command's error (MULTI answers them per command). */
async function run(batch: ChainableCommander): Promise<unknown[]> {
  const replies = (await batch.exec()) ?? [];
  return replies.map(([err, v]) => {
    if (err) throw err;
    return v;
  });
}

const parseMember = (m: string) => {
  const [skillId, bucket] = m.split(':').map(Number) as [number, number];
  return { member: m, skillId, bucket };
};

export function createRedisHistoryStore(opts: { redis: Redis; keys: StoreKeys }): HistoryStore {
  const { redis, keys } = opts;

  return {
    async write(rows) {
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        const part = rows.slice(i, i + WRITE_BATCH);
        const sets = new Map<string, number>();
        const pointKeys: string[] = [];
        const args: (string | number)[] = [part.length];
        for (const { skillId, point } of part) {
          const bucket = bucketOf(point.t);
          const member = `${skillId}:${bucket}`;
          sets.set(member, bucket);
          pointKeys.push(keys.historyBucket(member));
          args.push(point.t, encodePoint(point, bucket));
        }
        for (const [member, bucket] of sets) args.push(bucket, member);
        await redis.eval(WRITE, 1 + pointKeys.length, keys.historyIndex, ...pointKeys, ...args);
      }
    },

    async read({ from, to, skillIds }) {
      if (to < from) return [];
      const wanted = skillIds ? new Set(skillIds) : null;
      const sets = (await redis.zrangebyscore(keys.historyIndex, `(${from - BUCKET_MS}`, to))
        .map(parseMember)
        .filter((s) => wanted === null || wanted.has(s.skillId))
        .sort((a, b) => a.skillId - b.skillId || a.bucket - b.bucket);
      const bySkill = new Map<number, HistoryPoint[]>();
      for (let i = 0; i < sets.length; i += BATCH) {
        const part = sets.slice(i, i + BATCH);
        const p = redis.pipeline();
        for (const s of part) p.zrangebyscore(keys.historyBucket(s.member), from, to);
        const replies = (await run(p)) as string[][];
        part.forEach((s, k) => {
          const members = replies[k] ?? [];
          if (members.length === 0) return;
          let points = bySkill.get(s.skillId);
          if (!points) bySkill.set(s.skillId, (points = []));
          for (const member of members) points.push(decodePoint(member, s.bucket));
        });
      }
      return [...bySkill].map(([skillId, points]) => ({ skillId, points }));
    },

    async prune(before) {
      const sets = (await redis.zrangebyscore(keys.historyIndex, '-inf', `(${before}`)).map(
        parseMember,
      );
      let dropped = 0;
      for (let i = 0; i < sets.length; i += BATCH) {
        const part = sets.slice(i, i + BATCH);
        const m = redis.multi();
        for (const s of part) {
          const key = keys.historyBucket(s.member);
          // Wholly older: dropped with its index entry. The one `before` falls in: cut.
          if (s.bucket + BUCKET_MS <= before)
            m.zcard(key).del(key).zrem(keys.historyIndex, s.member);
          else m.zremrangebyscore(key, '-inf', `(${before}`).zcard(key);
        }
        const replies = (await run(m)) as number[];
        let k = 0;
        const emptied: string[] = [];
        for (const s of part) {
          if (s.bucket + BUCKET_MS <= before) {
            dropped += replies[k] ?? 0;
            k += 3;
          } else {
            dropped += replies[k] ?? 0;
            if (replies[k + 1] === 0) emptied.push(s.member);
            k += 2;
          }
        }
        if (emptied.length > 0) await redis.zrem(keys.historyIndex, ...emptied);
      }
      return dropped;
    },
  };
}
