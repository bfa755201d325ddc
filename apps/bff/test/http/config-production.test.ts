// The production safety rules of the configuration: each refusal names its key, and nothing is
// invented in production (no simulator unless asked for, no silently ignored typo).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

const dir = () => mkdtempSync(path.join(tmpdir(), 'fw-cfg-prod-'));
const REMOTE = {
  CCGW_URL: 'https://10.1.2.3:8043',
  CCGW_AGENT_ID: '2001',
  FLOORWATCH_USERS: '/etc/floorwatch/users.json',
};

describe('production: the simulator only when asked for', () => {
  it('refuses to start without CCGW_URL, saying how to name the gateway or ask for the simulator', () => {
    const p = problems({ NODE_ENV: 'production' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^CCGW_URL: required when NODE_ENV=production: .*https:\/\/.*embedded/);
  });

  it('starts the embedded simulator with CCGW_URL=embedded, in production or not', () => {
    const c = parseConfig({ NODE_ENV: 'production', CCGW_URL: 'embedded' });
    expect(c.gateway).toMatchObject({ mode: 'embedded', url: null });
    expect(parseConfig({ CCGW_URL: 'embedded' }).gateway.mode).toBe('embedded');
    // Development keeps the first-run default: no CCGW_URL is the simulator.
    expect(parseConfig({}).gateway.mode).toBe('embedded');
  });

  it('names a misspelt key, and a typo of CCGW_URL cannot start the simulator in production', () => {
    const p = problems({ NODE_ENV: 'production', CCGW_ULR: 'https://10.1.2.3:8043' });
    expect(p[0]).toMatch(/^CCGW_URL: required when NODE_ENV=production/);
    const c = parseConfig({ CCGW_ULR: 'https://10.1.2.3:8043', FLOORWATCH_THEME: 'dark' });
    expect(c.ops.warnings).toEqual([
      'CCGW_ULR is not a Floorwatch setting and is ignored (did you mean CCGW_URL?)',
      'FLOORWATCH_THEME is not a Floorwatch setting and is ignored',
    ]);
    // Other programs' keys are none of our business.
    expect(parseConfig({ PATH: '/usr/bin', npm_config_x: '1' }).ops.warnings).toEqual([]);
  });
});

describe('secrets from files (CCGW_PASSWORD_FILE)', () => {
  it('reads the password from the file, without the trailing newline', () => {
    const file = path.join(dir(), 'ccgw_password');
    writeFileSync(file, 's3cret pass\n');
    const c = parseConfig({ ...REMOTE, CCGW_PASSWORD_FILE: file });
    expect(c.gateway.password).toBe('s3cret pass');
    expect(c.ops.warnings).toEqual([]);
  });

  it('refuses both set, a missing file, an empty file and a too long secret, naming the key', () => {
    const d = dir();
    const empty = path.join(d, 'empty');
    writeFileSync(empty, '\n');
    const long = path.join(d, 'long');
    writeFileSync(long, 'x'.repeat(33));
    expect(problems({ ...REMOTE, CCGW_PASSWORD: 'a', CCGW_PASSWORD_FILE: empty })).toContain(
      'CCGW_PASSWORD_FILE: set either CCGW_PASSWORD or CCGW_PASSWORD_FILE, not both',
    );
    expect(problems({ ...REMOTE, CCGW_PASSWORD_FILE: path.join(d, 'nope') })).toContain(
      `CCGW_PASSWORD_FILE: cannot read ${path.join(d, 'nope')} (ENOENT)`,
    );
    expect(problems({ ...REMOTE, CCGW_PASSWORD_FILE: empty })).toContain(
      `CCGW_PASSWORD_FILE: ${empty} is empty`,
    );
    expect(problems({ ...REMOTE, CCGW_PASSWORD_FILE: long })).toContain(
      'CCGW_PASSWORD (read from CCGW_PASSWORD_FILE): must be at most 32 characters',
    );
    expect(problems(REMOTE)).toContain(
      'CCGW_PASSWORD: required when CCGW_URL is set (or CCGW_PASSWORD_FILE)',
    );
  });
});

describe('the data directory (FLOORWATCH_DATA_DIR)', () => {
  it('is the only writable place needed; a missing, non-directory or read-only one is named', () => {
    const d = dir();
    expect(parseConfig({ FLOORWATCH_DATA_DIR: d }).store).toMatchObject({
      dataDir: d,
      dataDirGiven: true,
    });
    // The default ./data keeps settings, but a first-start admin is made only where named.
    expect(parseConfig({}).store.dataDirGiven).toBe(false);
    // A missing one is made on start by the settings store.
    expect(problems({ FLOORWATCH_DATA_DIR: path.join(d, 'missing') })).toEqual([]);
    const file = path.join(d, 'file');
    writeFileSync(file, '');
    expect(problems({ FLOORWATCH_DATA_DIR: file })).toEqual([
      `FLOORWATCH_DATA_DIR: ${file} is not a directory`,
    ]);
    if (process.getuid?.() !== 0) {
      // root writes anywhere; the read-only case runs as root in the process tests instead.
      const ro = dir();
      chmodSync(ro, 0o500);
      expect(problems({ FLOORWATCH_DATA_DIR: ro })[0]).toMatch(/is not writable \(EACCES\)$/);
    }
  });

  it('stands in for a users file with a real gateway (the first start creates an admin)', () => {
    const { FLOORWATCH_USERS: _, ...noUsers } = REMOTE;
    expect(problems({ ...noUsers, CCGW_PASSWORD: 'x' })[0]).toMatch(/^FLOORWATCH_USERS: required/);
    const c = parseConfig({ ...noUsers, CCGW_PASSWORD: 'x', FLOORWATCH_DATA_DIR: dir() });
    expect(c.auth.usersFile).toBeNull();
  });

  it('keeps the shutdown limit within bounds', () => {
    expect(parseConfig({}).ops.shutdownTimeoutMs).toBe(10_000);
    expect(problems({ FLOORWATCH_SHUTDOWN_TIMEOUT_MS: '100' })[0]).toMatch(
      /^FLOORWATCH_SHUTDOWN_TIMEOUT_MS: must be an integer ≥ 1000/,
    );
  });
});

describe('several replicas (REDIS_URL)', () => {
  const ha = { ...REMOTE, CCGW_PASSWORD: 'x', CCGW_POLL_MS: '2000' };

  it('takes a redis URL, with a lock TTL of one poll by default', () => {
    const c = parseConfig({ ...ha, REDIS_URL: 'redis://10.0.0.5:6379/2' });
    expect(c.redis).toEqual({
      url: 'redis://10.0.0.5:6379/2',
      prefix: 'floorwatch',
      leaderTtlMs: 2000,
    });
    expect(parseConfig(ha).redis).toBeNull();
  });

  it('refuses a URL that is not redis:// or rediss://, naming the key', () => {
    expect(problems({ ...ha, REDIS_URL: 'http://10.0.0.5:6379' })[0]).toMatch(
      /^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it('refuses REDIS_URL with the embedded simulator (one per process, not shared)', () => {
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379' })[0]).toMatch(
      /^REDIS_URL: replicas share one gateway, so CCGW_URL must name it/,
    );
  });

  it('refuses a lock TTL that would replace a dead leader later than two polls', () => {
    expect(
      problems({ ...ha, REDIS_URL: 'redis://r:6379', FLOORWATCH_LEADER_TTL_MS: '5000' })[0],
    ).toMatch(/^FLOORWATCH_LEADER_TTL_MS: must be at most 2 × CCGW_POLL_MS \(4000\)/);
    expect(problems({ ...ha, FLOORWATCH_LEADER_TTL_MS: '100' })[0]).toMatch(
      /^FLOORWATCH_LEADER_TTL_MS: must be an integer ≥ 500/,
    );
  });

  it('keeps settings and history in Redis: no data directory, one users file for every replica', () => {
    const c = parseConfig({ ...ha, REDIS_URL: 'redis://r:6379' });
    expect(c.store.dataDir).toBeNull();
    expect(parseConfig(ha).store.dataDir).not.toBeNull();
  });

  it('refuses a data directory with REDIS_URL, naming the key', () => {
    const p = problems({ ...ha, REDIS_URL: 'redis://r:6379', FLOORWATCH_DATA_DIR: dir() });
    expect(p).toEqual([
      'FLOORWATCH_DATA_DIR: not used with REDIS_URL (settings and history are kept in Redis, shared by every replica); leave it unset',
    ]);
  });

  it('refuses REDIS_URL without a users file (a first-start admin would differ per replica)', () => {
    const { FLOORWATCH_USERS: _none, ...noUsers } = ha;
    expect(problems({ ...noUsers, REDIS_URL: 'redis://r:6379' })).toEqual([
      'FLOORWATCH_USERS: required with REDIS_URL (one users file that every replica reads; a first-start admin would differ per replica)',
    ]);
    // Naming both: each key is named.
    expect(
      problems({ ...noUsers, REDIS_URL: 'redis://r:6379', FLOORWATCH_DATA_DIR: dir() }).map(
        (m) => m.split(':')[0],
      ),
    ).toEqual(['FLOORWATCH_DATA_DIR', 'FLOORWATCH_USERS']);
  });

  it('refuses a key prefix with spaces or other characters, naming the key', () => {
    expect(
      problems({ ...ha, REDIS_URL: 'redis://r:6379', FLOORWATCH_REDIS_PREFIX: 'a b' })[0],
    ).toMatch(/^FLOORWATCH_REDIS_PREFIX: must be 1–64 of/);
  });
});
