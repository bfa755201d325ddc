// A data directory Floorwatch cannot use stops start-up with a message naming the path, through
// the same start-up error path as a bad configuration (stderr, exit 1), and nothing is left
// running or half-written.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFloorwatch } from '../../src/index';
import { DATABASE_FILE } from '../../src/store/sqlite/open';
import { openSqliteStores } from '../../src/store/sqlite/index';
import { StoreError } from '../../src/store/types';

const bff = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(bff, 'node_modules/.bin/tsx');
const tmp = (p: string) => mkdtempSync(path.join(tmpdir(), p));

function startWith(dataDir: string) {
  return startFloorwatch({
    env: {
      PORT: '0',
      LOG_LEVEL: 'silent',
      FLOORWATCH_WEB_DIST: '/nonexistent-dist',
      FLOORWATCH_DATA_DIR: dataDir,
    },
    defaultMetrics: false,
  });
}

async function refusal(dataDir: string): Promise<StoreError> {
  const err = await startWith(dataDir).then(
    async (fw) => {
      await fw.close();
      throw new Error('start-up should have failed');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('a data directory that cannot be used', () => {
  it('a file that is not a database', async () => {
    const dir = tmp('fw-corrupt-');
    const file = path.join(dir, DATABASE_FILE);
    writeFileSync(file, 'these are the minutes of the team meeting, not a database\n'.repeat(200));
    const err = await refusal(dir);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/damaged or not a Floorwatch database/);
    // The file is left as it was, for the operator to inspect or restore.
    expect(readFileSync(file, 'utf8')).toMatch(/^these are the minutes/);
  });

  it('a database whose pages were damaged', async () => {
    const dir = tmp('fw-damaged-');
    const stores = openSqliteStores(dir);
    // Enough rows that the history table spans many pages.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      skillId: i % 50,
      point: {
        t: i * 10_000,
        counts: {
          idle: 1,
          talking: 2,
          wrapup: 0,
          busy: 0,
          rest: 0,
          prerest: 0,
          signedout: 0,
          unknown: 0,
        },
        waiting: i,
        longestWaitSec: i,
        serviceLevel: 90,
      },
    }));
    await stores.history.write(rows);
    await stores.close(); // checkpoints the WAL into the file
    const file = path.join(dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    // Scribble over pages 3–6 (4 KiB pages): b-tree pages of the tables, not the header.
    writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, 2 * 4096);
    closeSync(fd);
    const err = await refusal(dir);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/damaged/);
  });

  it('a path that cannot be made a directory', async () => {
    const parent = path.join(tmp('fw-notdir-'), 'a-file');
    writeFileSync(parent, 'x');
    const dir = path.join(parent, 'data');
    const err = await refusal(dir);
    expect(err.message).toContain(`cannot create the data directory ${dir}`);
    expect(err.message).toContain('FLOORWATCH_DATA_DIR');
  });

  it('a database path that is a directory', async () => {
    const dir = tmp('fw-dbdir-');
    mkdirSync(path.join(dir, DATABASE_FILE));
    const err = await refusal(dir);
    expect(err.message).toContain(path.join(dir, DATABASE_FILE));
  });

  // root may write anywhere, so only another user can meet a read-only directory.
  it.skipIf(process.getuid?.() === 0)('a directory this user cannot write', async () => {
    const dir = tmp('fw-ro-');
    chmodSync(dir, 0o500);
    try {
      const err = await refusal(dir);
      expect(err.message).toContain(`the data directory ${dir} is not writable`);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('the command line prints the message and exits 1, as for a bad configuration', () => {
    const dir = tmp('fw-cli-corrupt-');
    const file = path.join(dir, DATABASE_FILE);
    writeFileSync(file, 'not a database');
    const r = spawnSync(tsx, ['src/index.ts'], {
      cwd: bff,
      env: { PATH: process.env.PATH, PORT: '0', FLOORWATCH_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
