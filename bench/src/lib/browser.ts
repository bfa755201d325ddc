// Headless Debian Chromium through Playwright, launched exactly as the e2e suite launches it.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../../e2e/support/chromium';
import type { Product } from './product';

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../apps/web/dist',
);

/** The built SPA; the root test command builds it before the smoke run, `pnpm bench` expects it. */
export function requireWebDist(): string {
  if (!existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error(`no built SPA at ${WEB_DIST}: run pnpm --filter @floorwatch/web build first`);
  return WEB_DIST;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} not found (apt-get install chromium)`);
  return chromium.launch(chromiumLaunchOptions());
}

/** A fresh context (empty cache) signed in through the API, as the e2e fixtures do. */
export async function signedInContext(
  browser: Browser,
  fw: Product,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: fw.url, viewport });
  const res = await context.request.post('/api/v1/session', {
    data: { username: fw.username, password: fw.password },
  });
  if (res.status() !== 200) throw new Error(`browser sign-in answered ${res.status()}`);
  return context;
}

/**
 * An init script from a function of ours. tsx (esbuild, keepNames) wraps named inner functions in
 * `__name(...)`, which does not exist in the page, so the script gets a no-op one first.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `var __name = (f) => f;\n(${fn.toString()})();` };
}
