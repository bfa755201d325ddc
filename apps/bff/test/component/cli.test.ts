// The two command lines an operator meets first: start-up with a bad configuration, and
// hash-password for the users file.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password-hash';

const bff = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(bff, 'node_modules/.bin/tsx');

it('stops start-up with a message naming each bad key', () => {
  const r = spawnSync(tsx, ['src/index.ts'], {
    cwd: bff,
    env: { PATH: process.env.PATH, CCGW_POLL_MS: '10', CCGW_URL: 'https://10.1.2.3:8043' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Invalid configuration:');
  expect(r.stderr).toContain('CCGW_POLL_MS: must be an integer ≥ 250');
  expect(r.stderr).toContain('CCGW_AGENT_ID');
  expect(r.stderr).toContain('FLOORWATCH_USERS');
}, 120_000);

it('hash-password prints only a verifiable hash; --token prints a token and its hash', async () => {
  const r = spawnSync(tsx, ['src/auth/hash-password-cli.ts'], {
    cwd: bff,
    input: 'p4ss word\n',
    encoding: 'utf8',
    timeout: 90_000,
  });
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(await verifyPassword('p4ss word', lines[0]!)).toBe(true);

  const t = spawnSync(tsx, ['src/auth/hash-password-cli.ts', '--token'], {
    cwd: bff,
    encoding: 'utf8',
    timeout: 90_000,
  });
  const token = /token: (\S+)/.exec(t.stdout)![1]!;
  const hash = /linkToken: (\S+)/.exec(t.stdout)![1]!;
  expect(await verifyPassword(token, hash)).toBe(true);
}, 120_000);
