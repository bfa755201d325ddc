#!/usr/bin/env node
// The message catalogues (docs/decisions/0014-i18n.md):
//   node scripts/i18n.mjs extract   writes src/locales/en.json from the code's defineMessages
//   node scripts/i18n.mjs check     fails when en.json is not what the code says, or when any
//                                   other catalogue misses a key, has an extra one, or a
//                                   translation lacks a placeholder or plural of the English
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(web, 'src', 'locales');
const source = path.join(localesDir, 'en.json');

function formatjs(args) {
  const r = spawnSync('pnpm', ['exec', 'formatjs', ...args], { cwd: web, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function extract(outFile) {
  return formatjs([
    'extract',
    'src/**/*.{ts,tsx}',
    '--ignore',
    'src/**/*.test.{ts,tsx}',
    '--format',
    'simple',
    '--throws',
    '--out-file',
    outFile,
  ]);
}

function sortedJson(file) {
  const obj = JSON.parse(readFileSync(file, 'utf8'));
  return JSON.stringify(
    Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : 1))),
    null,
    2,
  );
}

function check() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'fw-i18n-'));
  try {
    const fresh = path.join(tmp, 'en.json');
    if (extract(fresh) !== 0) return 1;
    if (sortedJson(fresh) !== sortedJson(source)) {
      const want = JSON.parse(readFileSync(fresh, 'utf8'));
      const have = JSON.parse(readFileSync(source, 'utf8'));
      for (const k of Object.keys(want)) {
        if (!(k in have)) console.error(`en.json misses ${k}`);
        else if (have[k] !== want[k]) console.error(`en.json has an old text for ${k}`);
      }
      for (const k of Object.keys(have)) if (!(k in want)) console.error(`en.json has unused ${k}`);
      console.error(
        'src/locales/en.json is not current: run pnpm --filter @floorwatch/web i18n:extract',
      );
      return 1;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const catalogues = readdirSync(localesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join('src', 'locales', f));
  const code = formatjs([
    'verify',
    '--source-locale',
    'en',
    '--missing-keys',
    '--extra-keys',
    '--structural-equality',
    ...catalogues,
  ]);
  if (code === 0) console.log(`message catalogues complete: ${catalogues.join(', ')}`);
  return code;
}

const mode = process.argv[2];
if (mode === 'extract') process.exit(extract(path.relative(web, source)));
else if (mode === 'check') process.exit(check());
else {
  console.error('usage: i18n.mjs extract|check');
  process.exit(2);
}
