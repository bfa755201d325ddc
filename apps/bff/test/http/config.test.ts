import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, parseConfig } from '../../src/config';

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return '';
};

describe('parseConfig', () => {
  it('defaults to the embedded simulator on 127.0.0.1:8080', () => {
    const c = parseConfig({});
    expect(c.gateway.mode).toBe('embedded');
    expect(c.gateway.agentId).toBe('101');
    expect(c.gateway.password).toBe('floorwatch');
    expect(c.gateway.forceLogin).toBe(true);
    expect(c.gateway.pollMs).toBe(2000);
    expect(c.gateway.budget).toEqual({ max: 5, windowMs: 2000 });
    expect(c.http).toMatchObject({ port: 8080, host: '127.0.0.1' });
    expect(c.thresholds.idle).toBeUndefined();
    expect(c.webDist).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it('takes every scenario the simulator has, dense included, and names a wrong one', () => {
    expect(parseConfig({ SIM_SCENARIO: 'dense' }).sim.scenario).toBe('dense');
    expect(parseConfig({ SIM_SCENARIO: 'large' }).sim.scenario).toBe('large');
    expect(problems({ SIM_SCENARIO: 'huge' })).toContain(
      'SIM_SCENARIO: must be one of seed, small, large, dense',
    );
  });

  it('names each bad key', () => {
    const msg = problems({ CCGW_POLL_MS: '10', PORT: 'eighty', CCGW_BUDGET: 'lots' });
    expect(msg).toMatch(/^Invalid configuration: /);
    expect(msg).toContain('CCGW_POLL_MS: must be an integer ≥ 250');
    expect(msg).toContain('PORT:');
    expect(msg).toContain('CCGW_BUDGET:');
  });

  it('requires credentials and a users file with a real gateway, and reads the CA file', () => {
    const msg = problems({ CCGW_URL: 'https://10.1.2.3:8043' });
    expect(msg).toContain('CCGW_AGENT_ID');
    expect(msg).toContain('CCGW_PASSWORD');
    expect(msg).toContain('FLOORWATCH_USERS');
    expect(problems({ CCGW_URL: 'ftp://x' })).toContain('CCGW_URL');
    expect(problems({ CCGW_CA_FILE: '/does/not/exist.pem' })).toContain(
      'CCGW_CA_FILE: cannot read',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-cfg-'));
    const ca = path.join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const c = parseConfig({
      CCGW_URL: 'https://10.1.2.3:8043/',
      CCGW_AGENT_ID: '2001',
      CCGW_PASSWORD: 'secret',
      CCGW_CA_FILE: ca,
      CCGW_FORCE_LOGIN: 'false',
      FLOORWATCH_USERS: '/etc/users.json',
    });
    expect(c.gateway).toMatchObject({
      mode: 'remote',
      url: 'https://10.1.2.3:8043',
      forceLogin: false,
    });
    expect(c.gateway.ca).toContain('BEGIN CERTIFICATE');
  });

  it('merges a thresholds file over the defaults and validates it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-cfg-'));
    const f = path.join(dir, 't.json');
    writeFileSync(f, JSON.stringify({ wrapup: { warnSec: 60, critSec: 90 } }));
    const c = parseConfig({ FLOORWATCH_THRESHOLDS: f });
    expect(c.thresholds.wrapup).toEqual({ warnSec: 60, critSec: 90 });
    expect(c.thresholds.rest).toEqual({ warnSec: 900, critSec: 1800 });
    writeFileSync(f, JSON.stringify({ wrapup: { warnSec: 90, critSec: 60 } }));
    expect(problems({ FLOORWATCH_THRESHOLDS: f })).toContain('FLOORWATCH_THRESHOLDS');
    writeFileSync(f, '{');
    expect(problems({ FLOORWATCH_THRESHOLDS: f })).toContain('not valid JSON');
  });

  it('reads a reasons file to seed, naming the key and field of a bad one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-cfg-'));
    const f = path.join(dir, 'reasons.json');
    writeFileSync(
      f,
      JSON.stringify([
        { code: 12, name: 'Lunch', limit: { warnSec: 3600, critSec: 4500 } },
        { code: 11, name: 'Short break' },
      ]),
    );
    expect(parseConfig({ FLOORWATCH_REASONS: f }).store.reasons).toEqual([
      { code: 12, name: 'Lunch', limit: { warnSec: 3600, critSec: 4500 } },
      { code: 11, name: 'Short break', limit: null },
    ]);
    expect(parseConfig({}).store.reasons).toBeNull();
    writeFileSync(
      f,
      JSON.stringify([{ code: 12, name: 'Lunch', limit: { warnSec: 60, critSec: 30 } }]),
    );
    expect(problems({ FLOORWATCH_REASONS: f })).toMatch(/FLOORWATCH_REASONS: .*0\.limit\.critSec/);
    writeFileSync(
      f,
      JSON.stringify([
        { code: 12, name: 'A' },
        { code: 12, name: 'B' },
      ]),
    );
    expect(problems({ FLOORWATCH_REASONS: f })).toContain('duplicate code');
    expect(problems({ FLOORWATCH_REASONS: path.join(dir, 'missing.json') })).toContain(
      'FLOORWATCH_REASONS: cannot read',
    );
  });

  it('puts the data directory in ./data of the directory the command ran in by default', () => {
    expect(parseConfig({ INIT_CWD: '/srv/fw' }).store.dataDir).toBe(path.resolve('/srv/fw/data'));
    expect(parseConfig({ INIT_CWD: '/srv/fw', FLOORWATCH_DATA_DIR: 'state' }).store.dataDir).toBe(
      path.resolve('/srv/fw/state'),
    );
    expect(parseConfig({ FLOORWATCH_DATA_DIR: '/var/lib/floorwatch' }).store.dataDir).toBe(
      '/var/lib/floorwatch',
    );
  });

  it('resolves relative file paths from the directory the command ran in (INIT_CWD)', () => {
    const c = parseConfig({ FLOORWATCH_USERS: 'conf/users.json', INIT_CWD: '/srv/fw' });
    expect(c.auth.usersFile).toBe(path.resolve('/srv/fw', 'conf/users.json'));
  });

  it('lists every key it reads', () => {
    expect(CONFIG_KEYS).toContain('CCGW_URL');
    expect(CONFIG_KEYS).toContain('FLOORWATCH_PUBLIC_ORIGIN');
    expect(new Set(CONFIG_KEYS).size).toBe(CONFIG_KEYS.length);
  });

  it('reads the HTTP hardening keys, naming each bad one', () => {
    expect(parseConfig({}).http).toMatchObject({
      publicOrigins: [],
      requestTimeoutMs: 30_000,
      maxConnectionsPerIp: 256,
    });
    const c = parseConfig({
      FLOORWATCH_PUBLIC_ORIGIN: 'https://Floor.Example.com/, http://10.0.0.5:8080',
      FLOORWATCH_REQUEST_TIMEOUT_MS: '5000',
      FLOORWATCH_MAX_CONNECTIONS_PER_IP: '0',
    });
    expect(c.http).toMatchObject({
      publicOrigins: ['https://floor.example.com', 'http://10.0.0.5:8080'],
      requestTimeoutMs: 5000,
      maxConnectionsPerIp: 0,
    });
    for (const bad of ['https://floor.example.com/dashboard', 'floor.example.com', 'ftp://x'])
      expect(problems({ FLOORWATCH_PUBLIC_ORIGIN: bad }), bad).toContain(
        'FLOORWATCH_PUBLIC_ORIGIN: must be origins',
      );
    expect(problems({ FLOORWATCH_REQUEST_TIMEOUT_MS: '0' })).toContain(
      'FLOORWATCH_REQUEST_TIMEOUT_MS: must be an integer ≥ 500',
    );
    expect(problems({ FLOORWATCH_MAX_CONNECTIONS_PER_IP: 'many' })).toContain(
      'FLOORWATCH_MAX_CONNECTIONS_PER_IP:',
    );
  });
});

describe('site language and time zone', () => {
  it('defaults to English and the server zone, canonicalises good values', () => {
    expect(parseConfig({}).site).toEqual({
      locale: 'en',
      timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(
      parseConfig({ FLOORWATCH_LOCALE: 'zh-cn', FLOORWATCH_TIME_ZONE: 'asia/shanghai' }).site,
    ).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  });

  it('stops start-up naming the key for a bad tag or zone', () => {
    expect(problems({ FLOORWATCH_LOCALE: 'chinese please' })).toContain(
      'FLOORWATCH_LOCALE: must be a language tag',
    );
    expect(problems({ FLOORWATCH_TIME_ZONE: 'Mars/Olympus' })).toContain(
      'FLOORWATCH_TIME_ZONE: must be an IANA time zone',
    );
  });
});

describe('documentation of the configuration', () => {
  const root = path.resolve(__dirname, '../../../..');
  it('documents every key in docs/configuration.md, the README and .env.example, and nothing else', () => {
    const doc = readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const exampleKeys = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    for (const k of CONFIG_KEYS) {
      expect(doc, k).toMatch(new RegExp(`\\|\\s*\`${k}\`\\s*\\|`));
      expect(exampleKeys, k).toContain(k);
      expect(readme, `README configuration table: ${k}`).toContain(`\`${k}\``);
    }
    // FW_* and COMPOSE_PROFILES are read by docker compose, not by the BFF.
    for (const k of exampleKeys)
      if (!k!.startsWith('FW_') && k !== 'COMPOSE_PROFILES')
        expect(CONFIG_KEYS as readonly string[], k).toContain(k);
  });
});
