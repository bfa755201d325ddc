// Opens (creating when needed) the SQLite database in the data directory, or stops start-up with
// a StoreError naming the path: a directory that cannot be made or written, a file that is not a
// database, a database that fails its integrity check, or one written by a newer Floorwatch.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from '../types';
import { openSqlite, type SqlDatabase as Db } from './driver';
import { migrate } from './migrations';

export const DATABASE_FILE = 'floorwatch.db';

const codeOf = (err: unknown) =>
  (err as NodeJS.ErrnoException).code ?? (err as Error).message ?? String(err);

/** Makes the directory and proves it writable with a real write (root passes access() checks). */
function prepareDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new StoreError(
      `FLOORWATCH_DATA_DIR: cannot create the data directory ${dir} (${codeOf(err)})`,
    );
  }
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new StoreError(
      `FLOORWATCH_DATA_DIR: the data directory ${dir} is not writable (${codeOf(err)})`,
    );
  }
}

/** `dataDir` `:memory:` opens a private in-memory database (tests of layers above the store). */
export function openDatabase(
  dataDir: string,
  opts: { now?: () => number } = {},
): {
  db: Db;
  location: string;
} {
  const location = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, DATABASE_FILE);
  if (dataDir !== ':memory:') prepareDirectory(dataDir);
  let db: Db;
  try {
    db = openSqlite(location);
  } catch (err) {
    throw new StoreError(`Cannot open the database ${location} (${codeOf(err)})`);
  }
  try {
    // WAL: readers never wait for the history writer, and a crash loses at most the last batch.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
    migrate(db, { location, ...(opts.now ? { now: opts.now } : {}) });
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(
      `The database ${location} is damaged or not a Floorwatch database (${(err as Error).message}); ` +
        'restore it from a backup, or move it away to start with empty settings',
    );
  }
  return { db, location };
}
