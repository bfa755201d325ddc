// The SQLite adapter of the SettingsStore port. Each change is one IMMEDIATE transaction (it holds
// the write lock from its first read) that checks the version the caller based it on, writes the
// next version and appends the audit entry, so no change is lost to a concurrent one and none
// goes unrecorded.
import type {
  AuditEntry,
  Group,
  KpiLimits,
  QueueLimits,
  Reason,
  SavedView,
  SiteLimits,
  StateLimits,
  WallLink,
} from '@floorwatch/contracts/api';
import { preferences as preferencesSchema } from '@floorwatch/contracts/api';
import { DEFAULT_PREFERENCES, newWallLink, NO_KPI_LIMITS } from '../defaults';
import type { SqlDatabase as Database } from './driver';
import type { Actor, Change, SettingsStore } from '../types';

interface SiteRow {
  version: number;
  states: string;
  kpi: string;
}
interface QueueRow extends SiteRow {
  skill_id: number;
}
interface ReasonRow {
  code: number;
  version: number;
  name: string;
  warn_sec: number | null;
  crit_sec: number | null;
}
interface GroupRow {
  group_id: number;
  version: number;
  name: string;
}
interface WallRow {
  id: string;
  version: number;
  name: string;
  queues: string;
  rotate_sec: number | null;
  lang: string | null;
  sound: number;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
}
interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
}

const toSite = (r: SiteRow): SiteLimits => ({
  version: r.version,
  states: JSON.parse(r.states) as StateLimits,
  kpi: JSON.parse(r.kpi) as KpiLimits,
});
const toQueue = (r: QueueRow): QueueLimits => ({
  version: r.version,
  skillId: r.skill_id,
  states: JSON.parse(r.states) as StateLimits,
  kpi: JSON.parse(r.kpi) as Partial<KpiLimits>,
});
const toReason = (r: ReasonRow): Reason => ({
  version: r.version,
  code: r.code,
  name: r.name,
  limit:
    r.warn_sec !== null && r.crit_sec !== null
      ? { warnSec: r.warn_sec, critSec: r.crit_sec }
      : null,
});
const toGroup = (r: GroupRow): Group => ({ version: r.version, groupId: r.group_id, name: r.name });
const toWall = (r: WallRow): WallLink => ({
  version: r.version,
  id: r.id,
  name: r.name,
  queues: JSON.parse(r.queues) as WallLink['queues'],
  rotateSec: r.rotate_sec,
  lang: r.lang,
  sound: r.sound === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
});
const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown),
  after: r.after === null ? null : (JSON.parse(r.after) as unknown),
});

/** One kind of versioned item: how to read, write and remove it by key. */
interface Kind<T extends { version: number }, K> {
  action: string;
  target(key: K): string;
  get(key: K): T | null;
  write(key: K, value: T): void;
  remove(key: K): void;
  createdElsewhere?: boolean;
}

export function createSqliteSettingsStore(db: Database): SettingsStore {
  const one = <R, T>(sql: string, map: (r: R) => T) => {
    const stmt = db.prepare(sql);
    return (...args: unknown[]): T | null => {
      const r = stmt.get(...args) as R | undefined;
      return r === undefined ? null : map(r);
    };
  };
  const all = <R, T>(sql: string, map: (r: R) => T) => {
    const stmt = db.prepare(sql);
    return (...args: unknown[]): T[] => (stmt.all(...args) as R[]).map(map);
  };
  const run = (sql: string) => {
    const stmt = db.prepare(sql);
    return (...args: unknown[]) => stmt.run(...args);
  };

  const getSite = one('SELECT * FROM site_limits WHERE id = 1', toSite);
  const writeSite = run(
    `INSERT INTO site_limits (id, version, states, kpi) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, states = excluded.states, kpi = excluded.kpi`,
  );
  const allQueues = all('SELECT * FROM queue_limits ORDER BY skill_id', toQueue);
  const allReasons = all('SELECT * FROM reasons ORDER BY code', toReason);
  const allGroups = all('SELECT * FROM agent_groups ORDER BY group_id', toGroup);
  const allWalls = all('SELECT * FROM wall_links ORDER BY created_at, id', toWall);
  const getWall = one('SELECT * FROM wall_links WHERE id = ?', toWall);
  const wallByHash = one('SELECT * FROM wall_links WHERE token_hash = ?', toWall);
  const touchWall = run('UPDATE wall_links SET last_used_at = ? WHERE id = ?');
  const insertAudit = run(
    'INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const auditPage = all('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?', toAudit);
  const wasSeeded = one('SELECT 1 AS x FROM seeded WHERE kind = ? AND key = ?', () => true);
  const markSeeded = run('INSERT OR IGNORE INTO seeded (kind, key, at) VALUES (?, ?, ?)');

  const audit = (by: Actor, action: string, target: string, before: unknown, after: unknown) =>
    insertAudit.call(
      null,
      by.at,
      by.username,
      action,
      target,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );

  function put<T extends { version: number }, K>(
    kind: Kind<T, K>,
    key: K,
    expected: number,
    build: (current: T | null) => Omit<T, 'version'>,
    by: Actor,
  ): Change<T> {
    return db
      .transaction((): Change<T> => {
        const current = kind.get(key);
        // Only created by POST (a wall link has a token): a change cannot bring one back.
        if (current === null && kind.createdElsewhere && expected === 0)
          return { ok: false, reason: 'missing' };
        if ((current?.version ?? 0) !== expected) return { ok: false, reason: 'conflict', current };
        const next = { ...build(current), version: expected + 1 } as T;
        kind.write(key, next);
        audit(by, `${kind.action}.put`, kind.target(key), current, next);
        return { ok: true, value: next };
      })
      .immediate();
  }

  function remove<T extends { version: number }, K>(
    kind: Kind<T, K>,
    key: K,
    expected: number,
    by: Actor,
  ): Change<T> {
    return db
      .transaction((): Change<T> => {
        const current = kind.get(key);
        if (current === null) return { ok: false, reason: 'missing' };
        if (current.version !== expected) return { ok: false, reason: 'conflict', current };
        kind.remove(key);
        audit(by, `${kind.action}.delete`, kind.target(key), current, null);
        return { ok: true, value: current };
      })
      .immediate();
  }

  const site: Kind<SiteLimits, 'site'> = {
    action: 'limits.site',
    target: () => 'site limits',
    get: () => getSite(),
    write: (_k, v) => writeSite(v.version, JSON.stringify(v.states), JSON.stringify(v.kpi)),
    remove: () => {},
  };
  const queueWrite = run(
    `INSERT INTO queue_limits (skill_id, version, states, kpi) VALUES (?, ?, ?, ?)
     ON CONFLICT (skill_id) DO UPDATE SET version = excluded.version, states = excluded.states, kpi = excluded.kpi`,
  );
  const queue: Kind<QueueLimits, number> = {
    action: 'limits.queue',
    target: (id) => `queue ${id}`,
    get: one('SELECT * FROM queue_limits WHERE skill_id = ?', toQueue),
    write: (id, v) => queueWrite(id, v.version, JSON.stringify(v.states), JSON.stringify(v.kpi)),
    remove: run('DELETE FROM queue_limits WHERE skill_id = ?'),
  };
  const reasonWrite = run(
    `INSERT INTO reasons (code, version, name, warn_sec, crit_sec) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET version = excluded.version, name = excluded.name,
       warn_sec = excluded.warn_sec, crit_sec = excluded.crit_sec`,
  );
  const reason: Kind<Reason, number> = {
    action: 'reason',
    target: (code) => `reason ${code}`,
    get: one('SELECT * FROM reasons WHERE code = ?', toReason),
    write: (code, v) =>
      reasonWrite(code, v.version, v.name, v.limit?.warnSec ?? null, v.limit?.critSec ?? null),
    remove: run('DELETE FROM reasons WHERE code = ?'),
  };
  const groupWrite = run(
    `INSERT INTO agent_groups (group_id, version, name) VALUES (?, ?, ?)
     ON CONFLICT (group_id) DO UPDATE SET version = excluded.version, name = excluded.name`,
  );
  const group: Kind<Group, number> = {
    action: 'group',
    target: (id) => `group ${id}`,
    get: one('SELECT * FROM agent_groups WHERE group_id = ?', toGroup),
    write: (id, v) => groupWrite(id, v.version, v.name),
    remove: run('DELETE FROM agent_groups WHERE group_id = ?'),
  };
  const wallUpdate = run(
    `UPDATE wall_links SET version = ?, name = ?, queues = ?, rotate_sec = ?, lang = ?, sound = ?
     WHERE id = ?`,
  );
  const wallInsert = run(
    `INSERT INTO wall_links (id, version, name, queues, rotate_sec, lang, sound, token_hash,
       created_at, created_by, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const wall: Kind<WallLink, string> = {
    action: 'wall-link',
    createdElsewhere: true,
    target: (id) => `wall link ${id}`,
    get: (id) => getWall(id),
    write: (id, v) =>
      wallUpdate(
        v.version,
        v.name,
        JSON.stringify(v.queues),
        v.rotateSec,
        v.lang,
        v.sound ? 1 : 0,
        id,
      ),
    remove: run('DELETE FROM wall_links WHERE id = ?'),
  };

  const viewsOf = all(
    'SELECT id, name, path, created_at FROM saved_views WHERE username = ? ORDER BY created_at, id',
    (r: { id: string; name: string; path: string; created_at: number }): SavedView => ({
      id: r.id,
      name: r.name,
      path: r.path,
      createdAt: r.created_at,
    }),
  );
  const insertView = run(
    'INSERT INTO saved_views (id, username, name, path, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const removeView = run('DELETE FROM saved_views WHERE username = ? AND id = ?');
  const prefsOf = one('SELECT data FROM preferences WHERE username = ?', (r: { data: string }) =>
    preferencesSchema.safeParse(JSON.parse(r.data)),
  );
  const writePrefs = run(
    `INSERT INTO preferences (username, data) VALUES (?, ?)
     ON CONFLICT (username) DO UPDATE SET data = excluded.data`,
  );

  return {
    floorSettings: () =>
      Promise.resolve({
        limits: getSite() ?? { version: 0, states: {}, kpi: NO_KPI_LIMITS },
        queueLimits: allQueues(),
        reasons: allReasons(),
        groups: allGroups(),
      }),
    putSiteLimits: (next, by) =>
      Promise.resolve(
        put(site, 'site', next.version, () => ({ states: next.states, kpi: next.kpi }), by),
      ),
    putQueueLimits: (skillId, next, by) =>
      Promise.resolve(
        put(
          queue,
          skillId,
          next.version,
          () => ({ skillId, states: next.states, kpi: next.kpi }),
          by,
        ),
      ),
    deleteQueueLimits: (skillId, version, by) =>
      Promise.resolve(remove(queue, skillId, version, by)),
    putReason: (code, next, by) =>
      Promise.resolve(
        put(reason, code, next.version, () => ({ code, name: next.name, limit: next.limit }), by),
      ),
    deleteReason: (code, version, by) => Promise.resolve(remove(reason, code, version, by)),
    putGroup: (groupId, next, by) =>
      Promise.resolve(put(group, groupId, next.version, () => ({ groupId, name: next.name }), by)),
    deleteGroup: (groupId, version, by) => Promise.resolve(remove(group, groupId, version, by)),

    wallLinks: () => Promise.resolve(allWalls()),
    wallLink: (id) => Promise.resolve(getWall(id)),
    createWallLink(input, tokenHash, by) {
      const link = newWallLink(input, by);
      const { id } = link;
      db.transaction(() => {
        wallInsert(
          id,
          1,
          link.name,
          JSON.stringify(link.queues),
          link.rotateSec,
          link.lang,
          link.sound ? 1 : 0,
          tokenHash,
          link.createdAt,
          link.createdBy,
        );
        audit(by, 'wall-link.create', wall.target(id), null, link);
      }).immediate();
      return Promise.resolve(link);
    },
    putWallLink: (id, next, by) =>
      Promise.resolve(
        put(wall, id, next.version, (current) => ({ ...(current as WallLink), ...next }), by),
      ),
    deleteWallLink: (id, version, by) => Promise.resolve(remove(wall, id, version, by)),
    useWallLink(tokenHash, at) {
      const link = wallByHash(tokenHash);
      if (!link) return Promise.resolve(null);
      touchWall(at, link.id);
      return Promise.resolve({ ...link, lastUsedAt: at });
    },

    views: (username) => Promise.resolve(viewsOf(username)),
    addView(username, v) {
      insertView(v.id, username, v.name, v.path, v.createdAt);
      return Promise.resolve();
    },
    deleteView: (username, id) => Promise.resolve(removeView(username, id).changes > 0),
    preferences(username) {
      const r = prefsOf(username);
      return Promise.resolve(r?.success ? r.data : DEFAULT_PREFERENCES);
    },
    putPreferences(username, prefs) {
      writePrefs(username, JSON.stringify(prefs));
      return Promise.resolve(prefs);
    },

    audit({ before, limit }) {
      const rows = auditPage(before ?? Number.MAX_SAFE_INTEGER, limit + 1);
      const entries = rows.slice(0, limit);
      const nextBefore = rows.length > limit ? (entries.at(-1)?.id ?? null) : null;
      return Promise.resolve({ entries, nextBefore });
    },

    seed(s, by) {
      const result = db
        .transaction(() => {
          let siteLimits = false;
          if (getSite() === null) {
            writeSite(1, JSON.stringify(s.siteLimits.states), JSON.stringify(s.siteLimits.kpi));
            markSeeded('site-limits', 'site', by.at);
            siteLimits = true;
          }
          const reasons: number[] = [];
          for (const r of s.reasons) {
            if (wasSeeded('reason', String(r.code))) continue;
            markSeeded('reason', String(r.code), by.at);
            if (reason.get(r.code) !== null) continue; // an admin named it first: theirs stays
            reason.write(r.code, { ...r, version: 1 });
            reasons.push(r.code);
          }
          if (siteLimits || reasons.length > 0)
            audit(by, 'settings.seed', 'site limits and reasons', null, {
              siteLimits: siteLimits ? getSite() : null,
              reasons: reasons.map((code) => reason.get(code)),
            });
          return { siteLimits, reasons };
        })
        .immediate();
      return Promise.resolve(result);
    },
  };
}
