// The SQLite stores in one database file of the data directory.
import type { Stores } from '../types';
import { createSqliteHistoryStore } from './history-store';
import { openDatabase } from './open';
import { createSqliteSettingsStore } from './settings-store';

export function openSqliteStores(dataDir: string, opts: { now?: () => number } = {}): Stores {
  const { db, location } = openDatabase(dataDir, opts);
  let closed = false;
  return {
    settings: createSqliteSettingsStore(db),
    history: createSqliteHistoryStore(db),
    location,
    close() {
      if (!closed) {
        closed = true;
        db.close();
      }
      return Promise.resolve();
    },
  };
}
