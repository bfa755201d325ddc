// The schema in a real SQLite file: a new database gets every migration, recorded; an older one
// is upgraded without losing what it holds; one from a newer Floorwatch is refused by path.
import { openSqlite } from '../../src/store/sqlite/driver';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/sqlite/open';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/sqlite/migrations';
import { openSqliteStores } from '../../src/store/sqlite/index';
import { StoreError } from '../../src/store/types';

const LATEST = MIGRATIONS.at(-1)!.id;
const dataDir = () => mkdtempSync(path.join(tmpdir(), 'fw-mig-'));

it('numbers the migrations 1, 2, … with no gap', () => {
  expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
});

it('creates a new database at the latest schema and records each migration once', async () => {
  const dir = dataDir();
  const stores = openSqliteStores(dir);
  await stores.close();
  const again = openSqliteStores(dir); // a second start applies nothing twice
  await again.close();
  const db = openSqlite(path.join(dir, DATABASE_FILE));
  const rows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
  expect(rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});

it('upgrades a database at every older migration to the latest, keeping its data', async () => {
  for (let at = 1; at < LATEST; at++) {
    const dir = dataDir();
    const file = path.join(dir, DATABASE_FILE);
    const old = openSqlite(file);
    expect(migrate(old, { location: file, upTo: at })).toEqual(
      MIGRATIONS.filter((m) => m.id <= at).map((m) => m.id),
    );
    // What an admin had set under the old schema (migration 1 holds the settings).
    old
      .prepare(
        'INSERT INTO reasons (code, version, name, warn_sec, crit_sec) VALUES (?, ?, ?, ?, ?)',
      )
      .run(12, 3, 'Lunch', 3000, 3600);
    old.close();

    const stores = openSqliteStores(dir);
    const floor = await stores.settings.floorSettings();
    expect(floor.reasons).toEqual([
      { version: 3, code: 12, name: 'Lunch', limit: { warnSec: 3000, critSec: 3600 } },
    ]);
    // And what the newer migrations added works.
    await stores.history.write([
      {
        skillId: 1,
        point: {
          t: 10_000,
          counts: {
            idle: 1,
            talking: 0,
            wrapup: 0,
            busy: 0,
            rest: 0,
            prerest: 0,
            signedout: 0,
            unknown: 0,
          },
          waiting: 0,
          longestWaitSec: null,
          serviceLevel: 87.5,
        },
      },
    ]);
    expect((await stores.history.read({ from: 0, to: 20_000 }))[0]!.points).toHaveLength(1);
    await stores.close();
    const db = openSqlite(file);
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
  }
});

it('refuses a database written by a newer Floorwatch, naming the file', () => {
  const dir = dataDir();
  const file = path.join(dir, DATABASE_FILE);
  const db = openSqlite(file);
  migrate(db, { location: file });
  db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
    LATEST + 1,
    'from the future',
    0,
  );
  db.close();
  expect(() => openSqliteStores(dir)).toThrow(StoreError);
  expect(() => openSqliteStores(dir)).toThrow(file);
  expect(() => openSqliteStores(dir)).toThrow(/newer Floorwatch/);
});
