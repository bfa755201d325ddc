// Numbered schema changes, applied in order at start and recorded in `schema_migrations`. A
// migration is never edited once released: a change of schema is a new entry at the end.
import type { SqlDatabase as Database } from './driver';
import { StoreError } from '../types';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'shared settings, views, preferences, audit log',
    sql: `
      CREATE TABLE site_limits (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        states TEXT NOT NULL,
        kpi TEXT NOT NULL
      );
      CREATE TABLE queue_limits (
        skill_id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL,
        states TEXT NOT NULL,
        kpi TEXT NOT NULL
      );
      CREATE TABLE reasons (
        code INTEGER PRIMARY KEY,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        warn_sec INTEGER,
        crit_sec INTEGER
      );
      CREATE TABLE agent_groups (
        group_id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL,
        name TEXT NOT NULL
      );
      CREATE TABLE wall_links (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        queues TEXT NOT NULL,
        rotate_sec INTEGER,
        lang TEXT,
        sound INTEGER NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        last_used_at INTEGER
      );
      CREATE TABLE saved_views (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX saved_views_by_user ON saved_views (username, created_at);
      CREATE TABLE preferences (
        username TEXT PRIMARY KEY,
        data TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE TABLE seeded (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Keyed by time first: start-up reads and pruning are ranges of time over every queue, read
    // in file order; a screen's query for a few queues uses the index and touches few rows.
    id: 2,
    name: 'per-queue intraday history',
    sql: `
      CREATE TABLE history_points (
        skill_id INTEGER NOT NULL,
        t INTEGER NOT NULL,
        idle INTEGER NOT NULL,
        talking INTEGER NOT NULL,
        wrapup INTEGER NOT NULL,
        busy INTEGER NOT NULL,
        rest INTEGER NOT NULL,
        prerest INTEGER NOT NULL,
        signedout INTEGER NOT NULL,
        unknown INTEGER NOT NULL,
        waiting INTEGER,
        longest_wait_sec INTEGER,
        service_level REAL,
        PRIMARY KEY (t, skill_id)
      ) WITHOUT ROWID;
      CREATE INDEX history_points_by_queue ON history_points (skill_id, t);
    `,
  },
];

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

/** The highest migration recorded in the database (0 for a new one). */
export function schemaVersion(db: Database): number {
  db.exec(LEDGER);
  const row = db.prepare('SELECT max(id) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * Applies the migrations the database lacks, each in its own transaction, up to `upTo` (tests
 * stop early to build an older database). Returns the ids applied.
 */
export function migrate(
  db: Database,
  opts: { location: string; now?: () => number; upTo?: number; migrations?: readonly Migration[] },
): number[] {
  const list = opts.migrations ?? MIGRATIONS;
  const now = opts.now ?? Date.now;
  const current = schemaVersion(db);
  const latest = list.at(-1)?.id ?? 0;
  if (current > latest)
    throw new StoreError(
      `The database ${opts.location} was written by a newer Floorwatch (schema ${current}, this ` +
        `one knows up to ${latest}); upgrade Floorwatch or point FLOORWATCH_DATA_DIR elsewhere`,
    );
  const applied: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of list) {
    if (m.id <= current || m.id > (opts.upTo ?? Infinity)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, now());
    })();
    applied.push(m.id);
  }
  return applied;
}
