// Serves the built SPA: hashed assets cached for a year, index.html never cached so a new release
// reaches screens at once, and client-side routes (/wall, /queues/3) answered with index.html.
import express, { type Router } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface StaticSpa {
  router: Router;
  /** Build id of the served SPA (hash of index.html); "none" without a build. */
  release(): string;
}

const MISSING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floorwatch</title></head>
<body><h1>Floorwatch is running</h1>
<p>The dashboard has not been built yet. Build it with <code>pnpm --filter @floorwatch/web build</code>
(or start everything with <code>npm start</code>), then reload this page.</p>
<p>The API is under <code>/api/v1</code>; health at <code>/healthz</code>.</p></body></html>
`;

export function staticSpa(distDir: string): StaticSpa {
  const indexFile = path.join(distDir, 'index.html');
  let cached: { mtimeMs: number; id: string } | null = null;

  const release = (): string => {
    try {
      const st = statSync(indexFile);
      if (cached?.mtimeMs !== st.mtimeMs) {
        const id = createHash('sha256').update(readFileSync(indexFile)).digest('hex').slice(0, 12);
        cached = { mtimeMs: st.mtimeMs, id };
      }
      return cached.id;
    } catch {
      return 'none';
    }
  };

  const router = express.Router();
  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      setHeaders(res, file) {
        const rel = path.relative(distDir, file);
        if (rel.startsWith(`assets${path.sep}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.get('/{*splat}', (req, res, next) => {
    // API, ops and metrics paths never fall back to the SPA: they answer their own 404s.
    if (req.path.startsWith('/api/') || req.path === '/api') {
      next();
      return;
    }
    // A missing hashed asset is a real 404; answering index.html would hide a broken deploy.
    if (req.path.startsWith('/assets/')) {
      res.status(404).type('text').send('Not found');
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(200).type('html').set('Cache-Control', 'no-cache').send(MISSING_PAGE);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return { router, release };
}
