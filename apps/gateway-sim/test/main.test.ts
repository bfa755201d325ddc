// The process entry: env → listening banner → graceful exit on SIGTERM; bad env → exit 2.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call } from './factories';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('main.ts', () => {
  it('prints the URLs and the accounts, serves, and exits 0 on SIGTERM', async () => {
    const p = run({ SIM_PORT: '0', SIM_SCENARIO: 'seed' });
    const deadline = Date.now() + 15_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url, p.output()).toBeDefined();
    expect(p.output()).toContain(`control API: ${url}/sim-control`);
    expect(p.output()).toContain('supervisor accounts: 101-199');
    const status = await call<{ scenario: string }>(`${url}/sim-control/status`);
    expect(status.json.scenario).toBe('seed');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('refuses a bad environment, naming every bad key', async () => {
    const p = run({ SIM_SCENARIO: 'gigantic', SIM_LOCALE: 'fr', SIM_RATE_LIMIT_REFUSAL: '418' });
    expect(await p.exited).toBe(2);
    for (const key of ['SIM_SCENARIO', 'SIM_LOCALE', 'SIM_RATE_LIMIT_REFUSAL'])
      expect(p.output()).toContain(key);
  });
});
