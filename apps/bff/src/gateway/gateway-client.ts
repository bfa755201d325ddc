// Raw HTTP(S) transport to the CC-Gateway. node:http/https rather than global fetch because Node
// 20's fetch cannot be given a private CA without undici, and gateway certificates are usually
// self-signed or from a private CA (docs/gateway.md §Limits and transport).
import http from 'node:http';
import https from 'node:https';
import { GATEWAY_BASE_PATH, guidFromSetGuid } from '@floorwatch/contracts/gateway';
import { GatewayCallError } from './gateway-call-error';
import type { BodyReader } from './types';

export interface GatewayClientOptions {
  baseUrl: string;
  ca?: string | Buffer;
  insecureTls?: boolean;
  /** Answers larger than this are refused; a 10,000-agent allonlineagents is a few MB. */
  maxBodyBytes?: number;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below /agentgateway/resource, already filled in. */
  path: string;
  body?: unknown;
  guid: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
  readBody?: BodyReader;
}

export interface RawAnswer {
  httpStatus: number;
  /** Parsed JSON, or undefined when the body was empty or not JSON; the envelope `readBody`
   *  returned when it took the body. */
  json: unknown;
  isJson: boolean;
  /** The body as received. */
  bytes: Buffer;
  /** What the request's `readBody` made of the body, when it took it. */
  read: { body: unknown } | null;
  /** The Guid of a Set-GUID header on this answer, prefix removed. */
  setGuid: string | null;
  latencyMs: number;
}

export interface GatewayClient {
  send(req: RawRequest): Promise<RawAnswer>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export type JsonReading = { isJson: true; json: unknown } | { isJson: false };

/** A body as JSON: decoded as UTF-8, one leading byte-order mark dropped (some Java stacks send
 *  one, and JSON.parse refuses it), then JSON or nothing. */
export function readJsonBody(bytes: Buffer): JsonReading {
  return parseJsonText(bytes.toString('utf8'));
}

/** readJsonBody after the decoding. */
export function parseJsonText(decoded: string): JsonReading {
  let text = decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return { isJson: false };
  try {
    return { isJson: true, json: JSON.parse(text) as unknown };
  } catch {
    return { isJson: false };
  }
}

/** The caller's reading of a body; a reader that throws has not taken it (never crash the
 *  socket's event handler). */
function ownReading(reader: BodyReader | undefined, bytes: Buffer): ReturnType<BodyReader['read']> {
  if (!reader) return null;
  try {
    return reader.read(bytes);
  } catch {
    return null;
  }
}

/** The chunks of a body in one buffer: the reader's own when it has one. */
function gather(chunks: readonly Buffer[], size: number, reader: BodyReader | undefined): Buffer {
  const into = reader?.buffer?.(size);
  if (!into || into.length !== size) return Buffer.concat(chunks, size);
  let at = 0;
  for (const c of chunks) at += c.copy(into, at);
  return into;
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const base = new URL(opts.baseUrl);
  const isHttps = base.protocol === 'https:';
  const basePath = base.pathname.replace(/\/+$/, '') + GATEWAY_BASE_PATH;
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  // A keep-alive agent: the long poll and the data calls reuse their TLS sessions instead of
  // handshaking several times a second.
  const agent = isHttps
    ? new https.Agent({
        keepAlive: true,
        maxSockets: 16,
        ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
        // Only ever false on the explicit insecure switch; the caller logs the warning.
        rejectUnauthorized: opts.insecureTls !== true,
      })
    : new http.Agent({ keepAlive: true, maxSockets: 16 });

  function send(req: RawRequest): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      const started = performance.now();
      const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
      const headers: Record<string, string> = {
        'Content-Type': 'application/json; charset=UTF-8',
        Accept: 'application/json',
      };
      if (req.guid) headers['Guid'] = req.guid;
      if (payload) headers['Content-Length'] = String(payload.length);

      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const requestOptions: https.RequestOptions = {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port || (isHttps ? 443 : 80),
        method: req.method,
        path: basePath + req.path,
        headers,
        agent,
      };
      const request = (isHttps ? https : http).request(requestOptions, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size + chunk.length > maxBody) {
            request.destroy();
            finish(() => reject(new GatewayCallError('TOO_LARGE', `answer over ${maxBody} bytes`)));
            return;
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        res.on('error', (err) =>
          finish(() => reject(new GatewayCallError('NETWORK', err.message, { cause: err }))),
        );
        res.on('end', () => {
          if (settled) return;
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const bytes = gather(chunks, size, ok ? req.readBody : undefined);
          const own = ok ? ownReading(req.readBody, bytes) : null;
          const body = own ? { isJson: true, json: own.envelope } : readJsonBody(bytes);
          const latencyMs = performance.now() - started;
          finish(() =>
            resolve({
              httpStatus: status,
              json: body.isJson ? body.json : undefined,
              isJson: body.isJson,
              bytes,
              read: own ? { body: own.body } : null,
              setGuid: guidFromSetGuid(res.headers['set-guid']),
              latencyMs,
            }),
          );
        });
      });
      // One timer for the whole exchange: a socket timeout would not catch a server that
      // trickles bytes or holds the answer.
      const timer = setTimeout(() => {
        request.destroy();
        finish(() =>
          reject(new GatewayCallError('TIMEOUT', `no answer within ${req.timeoutMs} ms`)),
        );
      }, req.timeoutMs);
      const onAbort = (): void => {
        request.destroy();
        finish(() => reject(new GatewayCallError('ABORTED', 'call aborted')));
      };
      if (req.signal?.aborted) {
        onAbort();
        return;
      }
      req.signal?.addEventListener('abort', onAbort);
      request.on('error', (err) =>
        finish(() => reject(new GatewayCallError('NETWORK', err.message, { cause: err }))),
      );
      if (payload) request.write(payload);
      request.end();
    });
  }

  return {
    send,
    close() {
      agent.destroy();
    },
  };
}
