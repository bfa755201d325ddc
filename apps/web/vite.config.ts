import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { parse } from '@formatjs/icu-messageformat-parser';
import { fileURLToPath, URL } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The BFF serves the built SPA and the API on one origin; in dev, Vite proxies /api to it.
const bff = 'http://127.0.0.1:8080';

/**
 * The message catalogues (src/locales/<tag>.json) arrive in the browser already parsed: each ICU
 * message as the AST react-intl would build at run time (what `formatjs compile --ast` writes).
 * The production build then ships the parser-less variant of the ICU parser (react-intl's
 * documented no-parser alias): about 8 KiB gzip less on every first screen. The catalogues are
 * complete (pnpm i18n:check), so no `defaultMessage` string needs parsing in production; dev
 * builds and tests keep the parser for messages not yet extracted and for test screens.
 */
function compiledCatalogues(): Plugin {
  return {
    name: 'floorwatch:compiled-catalogues',
    enforce: 'pre',
    transform(code, id) {
      const m = /[\\/]src[\\/]locales[\\/]([^\\/]+)\.json$/.exec(id.split('?')[0] ?? '');
      if (!m?.[1]) return null;
      const locale = new Intl.Locale(m[1]);
      const messages = JSON.parse(code) as Record<string, string>;
      const ast = Object.fromEntries(
        Object.entries(messages).map(([k, v]) => [k, parse(v, { locale })]),
      );
      return { code: JSON.stringify(ast), map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [compiledCatalogues(), react(), tailwindcss()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      ...(command === 'build'
        ? [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ]
        : []),
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: bff, changeOrigin: false } },
  },
  // No source maps in dist: the BFF serves every file there to browsers (the image too).
  // Every supported browser (evergreen Chromium, Firefox, Safari) has modulepreload: no polyfill.
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Small modules the overview shares with later screens, in one file instead of a
              // dozen (each file costs its own compression and import statements).
              name: 'shared',
              test: /[\\/]src[\\/](components[\\/](state-badge|state-bar|state-icon|limit-level|queue-kpis|queue-kpi-looks|ui[\\/]filter-field)|hooks[\\/]use-queue-kpis|lib[\\/](format|url-state|routes|states)|api[\\/](get-history|get-settings)|stores[\\/]live-store|features[\\/](exceptions[\\/](lib[\\/]exception-words|components[\\/]exception-item)|saved-views[\\/]components[\\/]saved-views-menu)|app[\\/]routes[\\/]use-can-save-views)\./,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
}));
