import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// The BFF serves the built SPA and the API on one origin; in dev, Vite proxies /api to it.
const bff = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
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
});
