// The leader's commits through Redis: every new version of the floor (the monitor's output: the
// committed state and its version, as a v1 patch whose agents and queues are whole) goes out on
// one channel, and the full snapshot at that version is kept in one key for a replica that missed
// a version. Each replica derives what it serves (every stream format) from these, so all serve
// the same versions. Publishing checks the leader lock in the same script: a leader whose term
// ended cannot publish, whatever it still believes.
import type { Patch, Snapshot } from '@floorwatch/contracts/api';
import type { Redis } from 'ioredis';
import type { LeaderTerm } from './leader-lock';

export type FeedMessage =
  | { kind: 'patch'; token: number; patch: Patch }
  /** A poll that changed nothing: the data is fresh as of lastSuccessAt. */
  | { kind: 'quiet'; token: number; version: number; lastSuccessAt: number };

/**
 * Publishes only while KEYS[1] (the lock) holds ARGV[1]; writes the snapshot when one is given.
 * A lock that vanished (Redis came back empty) is taken back first, as a renewal would (ARGV[5]
 * is the TTL): the leader's first poll after Redis returns can come before its next renewal, and
 * stepping down then would sign it out and make another replica sign in.
 */
const PUBLISH = `
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[5])
elseif v ~= ARGV[1] then return 0 end
if ARGV[4] ~= '' then redis.call('SET', KEYS[2], ARGV[4]) end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

export interface CommitFeed {
  /** False when the lock is no longer this term's (the caller steps down). Rejects when Redis
   *  cannot be reached. */
  publishPatch(term: LeaderTerm, patch: Patch, snapshot: Snapshot): Promise<boolean>;
  publishQuiet(term: LeaderTerm, version: number, lastSuccessAt: number): Promise<boolean>;
  /** The snapshot of the newest published version, or null when none was published yet. */
  latestSnapshot(): Promise<Snapshot | null>;
  /** Bytes sent to Redis by publishes so far (the bench reports them per poll). */
  readonly bytesPublished: number;
}

export function feedKeys(prefix: string) {
  return {
    lock: `${prefix}:leader`,
    snapshot: `${prefix}:snapshot`,
    channel: `${prefix}:commits`,
  };
}

export function createCommitFeed(opts: {
  redis: Redis;
  prefix: string;
  ttlMs: number;
}): CommitFeed {
  const keys = feedKeys(opts.prefix);
  const { redis } = opts;
  let bytes = 0;
  const publish = async (term: LeaderTerm, message: FeedMessage, snapshot: string) => {
    const text = JSON.stringify(message);
    bytes += text.length + snapshot.length;
    const r = await redis.eval(
      PUBLISH,
      2,
      keys.lock,
      keys.snapshot,
      term.value,
      keys.channel,
      text,
      snapshot,
      String(opts.ttlMs),
    );
    return Number(r) === 1;
  };
  return {
    publishPatch: (term, patch, snapshot) =>
      publish(term, { kind: 'patch', token: term.token, patch }, JSON.stringify(snapshot)),
    publishQuiet: (term, version, lastSuccessAt) =>
      publish(term, { kind: 'quiet', token: term.token, version, lastSuccessAt }, ''),
    async latestSnapshot() {
      const text = await redis.get(keys.snapshot);
      return text ? (JSON.parse(text) as Snapshot) : null;
    },
    get bytesPublished() {
      return bytes;
    },
  };
}

/** Listens on the feed with its own connection (a subscribed connection can do nothing else).
 *  `onReady` runs on every (re)subscription: whatever was published meanwhile is lost, so the
 *  caller catches up from the snapshot. */
export function subscribeFeed(opts: {
  subscriber: Redis;
  prefix: string;
  onMessage: (m: FeedMessage) => void;
  onReady: () => void;
  onBadMessage: (err: unknown) => void;
  /** Further channels on the same connection, and where their messages go. */
  others?: { channels: string[]; onMessage: (channel: string, text: string) => unknown };
}): void {
  const { channel } = feedKeys(opts.prefix);
  opts.subscriber.on('message', (ch: string, text: string) => {
    if (ch !== channel) {
      try {
        opts.others?.onMessage(ch, text);
      } catch (err) {
        opts.onBadMessage(err);
      }
      return;
    }
    let m: FeedMessage;
    try {
      m = JSON.parse(text) as FeedMessage;
    } catch (err) {
      opts.onBadMessage(err);
      return;
    }
    opts.onMessage(m);
  });
  opts.subscriber.on('ready', () => {
    opts.subscriber
      .subscribe(channel, ...(opts.others?.channels ?? []))
      .then(opts.onReady, opts.onBadMessage);
  });
}
