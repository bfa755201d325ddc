// The SQLite binding behind the stores: better-sqlite3 where its native addon loads, else Node's
// own `node:sqlite` (Node 22.13 and later). The addon is compiled for one Node ABI: this machine
// builds it for Node 20 and cannot download Node 24's headers or prebuilt binaries, so the test
// run on Node 24 (and any Node where the addon was built for another version) uses the built-in
// module. Both run the same SQL; this is the small part of better-sqlite3's API the stores use.
import BetterSqlite3 from 'better-sqlite3';

export interface SqlStatement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

/** A function run in a transaction: call it for BEGIN (deferred), `.immediate()` for a write
 *  lock taken at once. */
export type Transaction<A extends unknown[], R> = ((...args: A) => R) & {
  immediate(...args: A): R;
};

export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  /** `PRAGMA <source>`; with `simple`, the first column of the first row. */
  pragma(source: string, opts?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
  close(): void;
  /** Which binding opened it (logged at start). */
  readonly driver: 'better-sqlite3' | 'node:sqlite';
}

interface NodeSqliteDatabase {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  close(): void;
}
interface NodeSqlite {
  DatabaseSync: new (location: string) => NodeSqliteDatabase;
}

function fromBetterSqlite3(location: string): SqlDatabase {
  const db = new BetterSqlite3(location);
  return {
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => void db.exec(sql),
    pragma: (source, opts) => db.pragma(source, opts),
    transaction: <A extends unknown[], R>(fn: (...args: A) => R) =>
      db.transaction(fn) as unknown as Transaction<A, R>,
    close: () => void db.close(),
    driver: 'better-sqlite3',
  };
}

function fromNodeSqlite(mod: NodeSqlite, location: string): SqlDatabase {
  const db = new mod.DatabaseSync(location);
  let depth = 0;
  const inTransaction = <A extends unknown[], R>(begin: string, fn: (...args: A) => R, args: A) => {
    // Nested calls join the outer transaction, as better-sqlite3's savepoints would.
    if (depth > 0) return fn(...args);
    db.exec(begin);
    depth += 1;
    try {
      const result = fn(...args);
      db.exec('COMMIT');
      return result;
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    } finally {
      depth -= 1;
    }
  };
  return {
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => db.exec(sql),
    pragma(source, opts) {
      const rows = db.prepare(`PRAGMA ${source}`).all() as Record<string, unknown>[];
      if (!opts?.simple) return rows;
      const first = rows[0];
      return first === undefined ? undefined : Object.values(first)[0];
    },
    transaction: <A extends unknown[], R>(fn: (...args: A) => R) =>
      Object.assign((...args: A) => inTransaction('BEGIN', fn, args), {
        immediate: (...args: A) => inTransaction('BEGIN IMMEDIATE', fn, args),
      }),
    close: () => db.close(),
    driver: 'node:sqlite',
  };
}

/** The addon is loaded on first open: an ABI mismatch shows up here, not at import. */
function addonMismatch(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(e.message ?? '');
}

export function openSqlite(location: string): SqlDatabase {
  try {
    return fromBetterSqlite3(location);
  } catch (err) {
    const builtin = addonMismatch(err)
      ? (process.getBuiltinModule?.('node:sqlite') as NodeSqlite | undefined)
      : undefined;
    if (!builtin) throw err;
    return fromNodeSqlite(builtin, location);
  }
}
