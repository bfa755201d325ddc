#!/usr/bin/env node
// Compiles a Node package of this workspace (the BFF, the simulator) to plain JavaScript with
// esbuild, so production runs `node` on the output instead of TypeScript through tsx.
//
//   node scripts/bundle.mjs <packageDir> <entry.ts>=<out.js> [...]
//
// The workspace packages (@floorwatch/*) export TypeScript sources, so they are inlined; every
// other package stays an external import, resolved at run time from the package's own
// node_modules (what `pnpm deploy --prod` installs). The build fails when the output imports a
// package that is not in the package's `dependencies`, so the runtime image cannot miss one.
// Source maps sit next to each file for stack traces (`node --enable-source-maps`); they carry no
// sources and are never served to browsers.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package name of a bare import: `pino-http/x` → `pino-http`, `@a/b/c` → `@a/b`. */
export function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function commitOf() {
  // The Docker build has no .git: it passes the commit as a build argument instead.
  const given = process.env.FLOORWATCH_COMMIT?.trim();
  if (given) return given;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@floorwatch/')) return undefined; // inline the workspace
      return { path: args.path, external: true };
    });
  },
};

export async function bundle(packageDir, entries) {
  const dir = path.resolve(root, packageDir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: dir,
    entryPoints: Object.fromEntries(
      entries.map(([src, out]) => [out.replace(/^dist\//, '').replace(/\.js$/, ''), src]),
    ),
    outdir: path.join(dir, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [externalPackages],
    define: {
      __FLOORWATCH_BUILD__: JSON.stringify({
        commit: commitOf(),
        builtAt: new Date().toISOString(),
      }),
    },
  });
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const deps = new Set(Object.keys(pkg.dependencies ?? {}));
  const missing = new Set();
  for (const output of Object.values(result.metafile.outputs))
    for (const imp of output.imports)
      if (imp.external && !builtins.has(imp.path) && !deps.has(packageOf(imp.path)))
        missing.add(packageOf(imp.path));
  if (missing.size > 0)
    throw new Error(
      `${pkg.name}: the build imports ${[...missing].join(', ')} at run time; ` +
        'add each to "dependencies" in its package.json (pnpm add), or production will miss it',
    );
  return Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [packageDir, ...pairs] = process.argv.slice(2);
  if (!packageDir || pairs.length === 0) {
    console.error('usage: node scripts/bundle.mjs <packageDir> <entry.ts>=<dist/out.js> ...');
    process.exit(2);
  }
  const entries = pairs.map((p) => p.split('='));
  bundle(packageDir, entries).then(
    (files) =>
      console.log(
        `bundle: ${files.map((f) => path.relative(root, path.resolve(root, packageDir, f))).join(', ')}`,
      ),
    (err) => {
      console.error(`bundle: ${err.message}`);
      process.exit(1);
    },
  );
}
