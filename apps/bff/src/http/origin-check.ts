// Defence in depth under SameSite=Strict: a request that can change something (sign in, sign out)
// must come from the dashboard's own origin. Browsers always send Origin on such requests, or at
// least Sec-Fetch-Site; a client that sends neither is not a browser and cannot carry a victim's
// cookie, so it is let through (scripts, health checks, curl).
import type { Request, RequestHandler } from 'express';
import { AppError } from './app-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** host[:port] of `host` as a URL with `protocol` would print it (default ports dropped). */
function canonicalHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

function fromDashboard(req: Request, publicOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (publicOrigins.has(origin)) return true;
    if (!URL.canParse(origin)) return false; // "null" from sandboxed frames and file: pages
    const o = new URL(origin);
    // The scheme is not compared: behind a TLS proxy that is not trusted, the BFF itself cannot
    // tell http from https, and a page on the same host and port is the dashboard either way.
    // req.host is the Host header, or X-Forwarded-Host from a trusted proxy.
    return req.host !== undefined && o.host === canonicalHost(o.protocol, req.host);
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function sameOriginOnly(opts: { publicOrigins: readonly string[] }): RequestHandler {
  const publicOrigins = new Set(opts.publicOrigins);
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method) || fromDashboard(req, publicOrigins)) next();
    else next(AppError.crossOrigin());
  };
}
