// Counts every HTTP answer and times it, labelled by the route *pattern* of the route table
// (`/api/v1/queues/:skillId`), never the raw URL, so a scan of random paths cannot create
// unbounded metric series. Paths outside the table are `spa` (the dashboard's files and its
// client-side routes) or `unmatched` (404).
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../metrics';
import { API_ROUTES, type ApiRoute } from './api-routes';

/** The live stream stays open for hours: its duration says nothing about the server's speed. */
const LONG_LIVED = new Set(['/api/v1/stream']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function routeMatcher(routes: readonly ApiRoute[] = API_ROUTES) {
  const compiled = routes.map((r) => ({
    method: r.method.toUpperCase(),
    path: r.path,
    re: new RegExp(`^${r.path.split(/:\w+/).map(escape).join('[^/]+')}/?$`),
  }));
  return (method: string, pathname: string, status: number): string => {
    const m = method === 'HEAD' ? 'GET' : method;
    const hit = compiled.find((c) => c.method === m && c.re.test(pathname));
    if (hit) return hit.path;
    return status === 404 || pathname.startsWith('/api/') ? 'unmatched' : 'spa';
  };
}

export function httpMetrics(metrics: Metrics) {
  const label = routeMatcher();
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const pathname = (req.originalUrl || req.url).split('?')[0] ?? '/';
      const route = label(req.method, pathname, res.statusCode);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      if (!LONG_LIVED.has(route)) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.httpDuration.observe({ method: req.method, route }, seconds);
      }
    });
    next();
  };
}
