// One flat, type-aware ESLint config for the whole workspace.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

const WEB_SRC = path.resolve(import.meta.dirname, 'apps/web/src');

/** Where a file of the SPA sits: `entry` (main.tsx), `app`, `feature:<name>`, or `shared` (every
 *  other folder: components, hooks, lib, stores, api, config, and any new one). */
function webLayer(file) {
  const rel = path.relative(WEB_SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [top, second] = rel.split(path.sep);
  if (top === 'main.tsx') return 'entry';
  if (top === 'app') return 'app';
  if (top === 'features') return second ? `feature:${second}` : null;
  return 'shared';
}

/** The file an import names, for imports inside one package (relative, or the SPA's `@/`); null
 *  for package imports: packages depend on each other one way, as their package.json files say. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];
function resolveLocal(fromFile, source) {
  let base;
  if (source.startsWith('.')) base = path.resolve(path.dirname(fromFile), source);
  else if (source.startsWith('@/') && fromFile.startsWith(path.dirname(WEB_SRC) + path.sep))
    base = path.join(WEB_SRC, source.slice(2));
  else return null;
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => stem + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/**
 * The SPA's layers point one way, as in bulletproof-react: shared code (components, hooks, lib,
 * stores, api, config) → features → app. Shared code never imports a feature or the app, a feature
 * never imports another feature or the app, and only src/app composes features. Checked on the
 * resolved path, so relative and `@/` imports are both caught.
 */
const webLayers = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      crossFeature: 'Feature "{{from}}" must not import feature "{{to}}"; compose them in src/app.',
      toFeature: '{{from}} must not import feature "{{to}}": only src/app composes features.',
      toApp: '{{from}} must not import src/app: only the app composes, nothing depends on it.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = webLayer(file);
    if (from === null) return {};
    const name = (layer) =>
      layer === 'shared'
        ? 'Shared code'
        : layer === 'entry'
          ? 'main.tsx'
          : `Feature "${layer.slice(8)}"`;
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = resolveLocal(file, source);
      const to = target ? webLayer(target) : null;
      if (to === null || to === from) return;
      if (to === 'app' && from !== 'app' && from !== 'entry') {
        context.report({ node, messageId: 'toApp', data: { from: name(from) } });
      } else if (to.startsWith('feature:') && (from === 'shared' || from === 'entry')) {
        context.report({
          node,
          messageId: 'toFeature',
          data: { from: name(from), to: to.slice(8) },
        });
      } else if (to.startsWith('feature:') && from.startsWith('feature:')) {
        context.report({
          node,
          messageId: 'crossFeature',
          data: { from: from.slice(8), to: to.slice(8) },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** Local imports of a file (static, dynamic and type-only), re-read only when it changed (an
 *  editor keeps one ESLint process for hours). */
const importsCache = new Map();
function localImports(file) {
  let mtime;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = importsCache.get(file);
  if (cached?.mtime === mtime) return cached.found;
  const found = [];
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  for (const f of info.importedFiles) {
    const target = resolveLocal(file, f.fileName);
    if (target) found.push(target);
  }
  importsCache.set(file, { mtime, found });
  return found;
}

/** A path of imports from `start` back to `goal`, or null (depth-first, each file once). */
function pathBack(start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, trail] = stack.pop();
    if (file === goal) return trail;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of localImports(file))
      if (!seen.has(next)) stack.push([next, [...trail, next]]);
  }
  return null;
}

/**
 * No import cycles, type-only imports included: two modules that import each other cannot be
 * understood, tested or moved apart. Reported at each import that starts a way back to the file.
 */
const noImportCycle = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { cycle: 'Import cycle: {{trail}}. Move what both need into a third module.' },
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = resolveLocal(file, source);
      if (!target) return;
      const trail = pathBack(target, file);
      if (!trail) return;
      const rel = (f) => path.relative(import.meta.dirname, f);
      context.report({
        node,
        messageId: 'cycle',
        data: { trail: [file, ...trail].map(rel).join(' → ') },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'e2e/.artifacts/**',
      'bench/results/**',
      'test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: {
      floorwatch: { rules: { 'web-layers': webLayers, 'no-import-cycle': noImportCycle } },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'floorwatch/no-import-cycle': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // Each process reads its environment once, in its config.ts.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment only in config.ts (parsed with zod).',
        },
      ],
    },
  },
  {
    files: [
      '**/config.ts',
      '**/config/env.ts',
      'scripts/**',
      '.ci/**',
      'e2e/**',
      'bench/**',
      '**/*.config.ts',
      '**/*.config.js',
      '**/test/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'react', 'react-dom', 'node:*'],
              message: 'contracts has no Express, no React and no Node-only code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'floorwatch/web-layers': 'error',
    },
  },
  {
    // Tests use loose mocks and assertion helpers where strict unsafe-* rules only add noise.
    files: ['**/test/**', '**/*.test.{ts,tsx}', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
