// Small helpers over node:http. Plain node:http rather than Express: long polls that are held,
// hung or dropped on purpose need direct control of the socket, and no framework error page may
// ever leak to a client.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json; charset=UTF-8';
const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'malformed' }
  | { kind: 'too-large' };

export function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => resolve({ kind: 'malformed' }));
    req.on('end', () => {
      if (tooLarge) return resolve({ kind: 'too-large' });
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text.length === 0) return resolve({ kind: 'empty' });
      try {
        resolve({ kind: 'json', value: JSON.parse(text) as unknown });
      } catch {
        resolve({ kind: 'malformed' });
      }
    });
  });
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
  contentType = JSON_TYPE,
): void {
  if (res.headersSent || res.destroyed) return;
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(buf.length),
    ...headers,
  });
  res.end(buf);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

/** Header value by name in any case (node lower-cases names; arrays for repeated headers). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[v.length - 1] : v;
}
