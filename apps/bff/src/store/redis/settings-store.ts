// The Redis adapter of the SettingsStore port, shared by every replica. Each change is one Lua
// script (scripts.ts) that compares the stored item with the one the version check was made on,
// writes the next version, appends the audit entry and tells the other replicas, so no change is
// lost to a concurrent one on another replica and none goes unrecorded. Results, audit pages and
// seeding are those of the SQLite adapter; the shared contract tests run against both.
import type {
  AuditEntry,
  FloorSettings,
  Group,
  QueueLimits,
  Reason,
  SavedView,
  SiteLimits,
  WallLink,
} from '@floorwatch/contracts/api';
import { preferences as preferencesSchema } from '@floorwatch/contracts/api';
import type { Redis } from 'ioredis';
import { DEFAULT_PREFERENCES, newWallLink, NO_KPI_LIMITS } from '../defaults';
import type { Actor, Change, SettingsChange, SettingsStore } from '../types';
import type { StoreKeys } from './keys';
import { noticeOf } from './notices';
import { CHANGE, CREATE_WALL_LINK, SEED, USE_WALL_LINK } from './scripts';

type Versioned = { version: number };

/** One kind of versioned item: its hash, its field for a key, and how it is stored. */
interface Kind<T extends Versioned, K> {
  hash: string;
  field(key: K): string;
  action: string;
  target(key: K): string;
  notice: SettingsChange | ((key: K) => SettingsChange);
  /** The item, from its stored string (and what else it needs). */
  read(key: K, stored: string): Promise<T> | T;
  /** The string to store for `next`, given what is stored now. */
  stored(next: T, current: string | null): string;
  /** Only created by POST (a wall link has a token): a change cannot bring one back. */
  createdElsewhere?: boolean;
  /** For a delete: the token hash to drop with the item. */
  tokenOf?(stored: string): string;
}

/** A wall link as kept: its token hash in, its last use out (that lives in its own hash). */
type StoredWallLink = Omit<WallLink, 'lastUsedAt'> & { tokenHash: string };

const storedWallLink = (link: WallLink, tokenHash: string): string => {
  const { lastUsedAt: _elsewhere, ...rest } = link;
  return JSON.stringify({ ...rest, tokenHash } satisfies StoredWallLink);
};

const byNumber = (a: number, b: number) => a - b;
const parse = <T>(s: string) => JSON.parse(s) as T;
const values = <T>(h: Record<string, string>) => Object.values(h).map((s) => parse<T>(s));

const auditJson = (by: Actor, action: string, target: string, before: unknown, after: unknown) =>
  JSON.stringify({ at: by.at, actor: by.username, action, target, before, after });

/** A script that finds the stored item changed under it is run again this often at most. */
const MAX_ATTEMPTS = 5;

export function createRedisSettingsStore(opts: {
  redis: Redis;
  keys: StoreKeys;
  /** This store's name on the notices, so it can ignore its own. */
  origin: string;
}): SettingsStore {
  const { redis, keys } = opts;
  const notice = (c: SettingsChange) => noticeOf(opts.origin, c);

  const toWallLink = (s: StoredWallLink, lastUsedAt: string | null): WallLink => {
    const { tokenHash: _hidden, ...link } = s;
    return { ...link, lastUsedAt: lastUsedAt === null ? null : Number(lastUsedAt) };
  };

  async function get<T extends Versioned, K>(kind: Kind<T, K>, key: K) {
    const stored = await redis.hget(kind.hash, kind.field(key));
    return { stored, value: stored === null ? null : await kind.read(key, stored) };
  }

  /** Runs the change script; false when the stored item is no longer `expected`. */
  async function change<T extends Versioned, K>(
    kind: Kind<T, K>,
    key: K,
    expected: string | null,
    next: string,
    audit: string,
    token = '',
  ): Promise<boolean> {
    const n = typeof kind.notice === 'function' ? kind.notice(key) : kind.notice;
    const done = await redis.eval(
      CHANGE,
      5,
      kind.hash,
      keys.audit,
      keys.auditSeq,
      keys.wallLinkTokens,
      keys.wallLinkUsed,
      kind.field(key),
      expected ?? '',
      next,
      audit,
      keys.changes,
      notice(n),
      token,
    );
    return Number(done) === 1;
  }

  async function put<T extends Versioned, K>(
    kind: Kind<T, K>,
    key: K,
    expected: number,
    build: (current: T | null) => Omit<T, 'version'>,
    by: Actor,
  ): Promise<Change<T>> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const { stored, value: current } = await get(kind, key);
      if (current === null && kind.createdElsewhere && expected === 0)
        return { ok: false, reason: 'missing' };
      if ((current?.version ?? 0) !== expected) return { ok: false, reason: 'conflict', current };
      const next = { ...build(current), version: expected + 1 } as T;
      const audit = auditJson(by, `${kind.action}.put`, kind.target(key), current, next);
      if (await change(kind, key, stored, kind.stored(next, stored), audit))
        return { ok: true, value: next };
    }
    throw new Error(`${kind.target(key)} kept changing while being written`);
  }

  async function remove<T extends Versioned, K>(
    kind: Kind<T, K>,
    key: K,
    expected: number,
    by: Actor,
  ): Promise<Change<T>> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const { stored, value: current } = await get(kind, key);
      if (current === null || stored === null) return { ok: false, reason: 'missing' };
      if (current.version !== expected) return { ok: false, reason: 'conflict', current };
      const audit = auditJson(by, `${kind.action}.delete`, kind.target(key), current, null);
      if (await change(kind, key, stored, '', audit, kind.tokenOf?.(stored)))
        return { ok: true, value: current };
    }
    throw new Error(`${kind.target(key)} kept changing while being deleted`);
  }

  const plain = <T extends Versioned, K>(
    hash: string,
    action: string,
    target: (key: K) => string,
  ): Kind<T, K> => ({
    hash,
    field: (key) => String(key),
    action,
    target,
    notice: { kind: 'floor' },
    read: (_key, stored) => parse<T>(stored),
    stored: (next) => JSON.stringify(next),
  });
  const site = plain<SiteLimits, 'site'>(keys.siteLimits, 'limits.site', () => 'site limits');
  const queue = plain<QueueLimits, number>(keys.queueLimits, 'limits.queue', (id) => `queue ${id}`);
  const reason = plain<Reason, number>(keys.reasons, 'reason', (code) => `reason ${code}`);
  const group = plain<Group, number>(keys.groups, 'group', (id) => `group ${id}`);
  const wall: Kind<WallLink, string> = {
    hash: keys.wallLinks,
    field: (id) => id,
    action: 'wall-link',
    target: (id) => `wall link ${id}`,
    notice: (id) => ({ kind: 'wall-link', id }),
    createdElsewhere: true,
    read: async (id, stored) =>
      toWallLink(parse<StoredWallLink>(stored), await redis.hget(keys.wallLinkUsed, id)),
    // A change never comes without a stored link (createdElsewhere): its token hash stays.
    stored: (next, current) =>
      storedWallLink(next, current === null ? '' : parse<StoredWallLink>(current).tokenHash),
    tokenOf: (stored) => parse<StoredWallLink>(stored).tokenHash,
  };

  return {
    async floorSettings(): Promise<FloorSettings> {
      // One MULTI: a consistent view, never half of a change.
      const r = await redis
        .multi()
        .hget(keys.siteLimits, 'site')
        .hgetall(keys.queueLimits)
        .hgetall(keys.reasons)
        .hgetall(keys.groups)
        .exec();
      const [siteRaw, queues, reasons, groups] = (r ?? []).map(([err, v]) => {
        if (err) throw err;
        return v;
      }) as [string | null, Record<string, string>, Record<string, string>, Record<string, string>];
      return {
        limits: siteRaw
          ? parse<SiteLimits>(siteRaw)
          : { version: 0, states: {}, kpi: NO_KPI_LIMITS },
        queueLimits: values<QueueLimits>(queues).sort((a, b) => byNumber(a.skillId, b.skillId)),
        reasons: values<Reason>(reasons).sort((a, b) => byNumber(a.code, b.code)),
        groups: values<Group>(groups).sort((a, b) => byNumber(a.groupId, b.groupId)),
      };
    },
    putSiteLimits: (next, by) =>
      put(site, 'site', next.version, () => ({ states: next.states, kpi: next.kpi }), by),
    putQueueLimits: (skillId, next, by) =>
      put(
        queue,
        skillId,
        next.version,
        () => ({ skillId, states: next.states, kpi: next.kpi }),
        by,
      ),
    deleteQueueLimits: (skillId, version, by) => remove(queue, skillId, version, by),
    putReason: (code, next, by) =>
      put(reason, code, next.version, () => ({ code, name: next.name, limit: next.limit }), by),
    deleteReason: (code, version, by) => remove(reason, code, version, by),
    putGroup: (groupId, next, by) =>
      put(group, groupId, next.version, () => ({ groupId, name: next.name }), by),
    deleteGroup: (groupId, version, by) => remove(group, groupId, version, by),

    async wallLinks() {
      const [links, used] = await Promise.all([
        redis.hgetall(keys.wallLinks),
        redis.hgetall(keys.wallLinkUsed),
      ]);
      return Object.entries(links)
        .map(([id, s]) => toWallLink(parse<StoredWallLink>(s), used[id] ?? null))
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async wallLink(id) {
      return (await get(wall, id)).value;
    },
    async createWallLink(input, tokenHash, by) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const link = newWallLink(input, by);
        const { id } = link;
        const done = await redis.eval(
          CREATE_WALL_LINK,
          4,
          keys.wallLinks,
          keys.wallLinkTokens,
          keys.audit,
          keys.auditSeq,
          id,
          storedWallLink(link, tokenHash),
          tokenHash,
          auditJson(by, 'wall-link.create', wall.target(id), null, link),
        );
        if (Number(done) === 1) return link;
        if ((await redis.hexists(keys.wallLinkTokens, tokenHash)) === 1)
          throw new Error('a wall link with this token hash exists already');
      }
      throw new Error('no free wall link id');
    },
    putWallLink: (id, next, by) =>
      put(wall, id, next.version, (current) => ({ ...(current as WallLink), ...next }), by),
    deleteWallLink: (id, version, by) => remove(wall, id, version, by),
    async useWallLink(tokenHash, at) {
      const stored = (await redis.eval(
        USE_WALL_LINK,
        3,
        keys.wallLinkTokens,
        keys.wallLinks,
        keys.wallLinkUsed,
        tokenHash,
        String(at),
      )) as string | null;
      return stored === null ? null : toWallLink(parse<StoredWallLink>(stored), String(at));
    },

    async views(username) {
      return values<SavedView>(await redis.hgetall(keys.views(username))).sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    },
    async addView(username, v) {
      const view: SavedView = { id: v.id, name: v.name, path: v.path, createdAt: v.createdAt };
      if ((await redis.hsetnx(keys.views(username), v.id, JSON.stringify(view))) === 0)
        throw new Error(`a saved view with id ${v.id} exists already`);
    },
    async deleteView(username, id) {
      return (await redis.hdel(keys.views(username), id)) > 0;
    },
    async preferences(username) {
      const stored = await redis.hget(keys.preferences, username);
      const r = stored === null ? null : preferencesSchema.safeParse(parse<unknown>(stored));
      return r?.success ? r.data : DEFAULT_PREFERENCES;
    },
    async putPreferences(username, prefs) {
      await redis.hset(keys.preferences, username, JSON.stringify(prefs));
      return prefs;
    },

    async audit({ before, limit }) {
      const rows = await redis.zrevrangebyscore(
        keys.audit,
        before === undefined ? '+inf' : `(${before}`,
        '-inf',
        'LIMIT',
        0,
        limit + 1,
      );
      const entries = rows.slice(0, limit).map((s) => parse<AuditEntry>(s));
      const nextBefore = rows.length > limit ? (entries.at(-1)?.id ?? null) : null;
      return { entries, nextBefore };
    },

    async seed(s, by) {
      const siteStored = JSON.stringify({ version: 1, ...s.siteLimits } satisfies SiteLimits);
      const head = auditJson(by, 'settings.seed', 'site limits and reasons', null, null);
      const pairs = s.reasons.flatMap((r) => [
        String(r.code),
        JSON.stringify({ version: 1, ...r } satisfies Reason),
      ]);
      const [siteAdded, codes] = (await redis.eval(
        SEED,
        5,
        keys.siteLimits,
        keys.reasons,
        keys.seeded,
        keys.audit,
        keys.auditSeq,
        siteStored,
        head.slice(0, -'null}'.length),
        keys.changes,
        notice({ kind: 'floor' }),
        ...pairs,
      )) as [number, string[]];
      return { siteLimits: siteAdded === 1, reasons: codes.map(Number) };
    },
  };
}
