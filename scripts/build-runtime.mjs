#!/usr/bin/env node
// Assembles what the runtime image holds, in <outDir>: the compiled BFF with only its production
// dependencies (`pnpm deploy --prod`) and the built SPA, laid out as in the repository so the
// BFF finds the SPA at its default path:
//
//   <outDir>/apps/bff/{package.json,dist/,node_modules/}   node apps/bff/dist/index.js
//   <outDir>/apps/web/dist/                                 the dashboard
//
// The Dockerfile runs exactly this (`node scripts/build-runtime.mjs /out`), and
// scripts/check-image.mjs runs it into a temporary directory to check the result without a
// Docker engine. Needs an installed workspace and a built SPA (pnpm --filter @floorwatch/web build).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

export function buildRuntime(outDir, { pnpm = ['pnpm'] } = {}) {
  const out = path.resolve(outDir);
  const spa = path.join(root, 'apps/web/dist');
  if (!existsSync(path.join(spa, 'index.html')))
    throw new Error(
      `${spa}/index.html is missing: build the SPA first (pnpm --filter @floorwatch/web build)`,
    );
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'apps/web'), { recursive: true });
  sh(pnpm[0], [...pnpm.slice(1), '--filter', '@floorwatch/bff', 'build']);
  // --legacy: the BFF has no production workspace dependency (they are compiled in), so pnpm 10's
  // injected-workspace deploy is not needed, and the workspace keeps its symlinked packages.
  sh(pnpm[0], [
    ...pnpm.slice(1),
    '--filter',
    '@floorwatch/bff',
    'deploy',
    '--prod',
    '--legacy',
    path.join(out, 'apps/bff'),
  ]);
  cpSync(spa, path.join(out, 'apps/web/dist'), {
    recursive: true,
    // Source maps stay out of what browsers can fetch (the SPA build makes none; this is a guard).
    filter: (src) => !src.endsWith('.map'),
  });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/build-runtime.mjs <outDir>');
    process.exit(2);
  }
  try {
    console.log(`build-runtime: ${buildRuntime(outDir)}`);
  } catch (err) {
    console.error(`build-runtime: ${err.message}`);
    process.exit(1);
  }
}
