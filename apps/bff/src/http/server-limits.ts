// The HTTP server's own limits, below Express: how long a client may take to send a request, and
// how many connections one address may hold. Node's request timeout runs only until a request
// has fully arrived, so the live stream (a bodiless GET whose answer stays open) is not cut by it,
// while a slow or never-finished body or header is answered 408 and closed.
import type { ErrorBody } from '@floorwatch/contracts/api';
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ServerLimits {
  /** Time a client has to send a whole request, headers and body. */
  requestTimeoutMs: number;
  /** Open connections per client address; 0 = no cap. */
  maxConnectionsPerIp: number;
  /** Addresses not capped: trusted reverse proxies carry many clients on their connections. */
  exempt: (address: string) => boolean;
  /** Called when an address first goes over the cap (again after it dropped below). */
  onCapped?: (address: string) => void;
  /** Called for every connection refused by the cap. */
  onRefused?: (address: string) => void;
}

/** A complete HTTP/1.1 answer with the contract ErrorBody, for sockets Express never sees. */
function rawAnswer(status: number, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
    body
  );
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time'],
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request headers are too large'],
};

/** Node's default answers to malformed requests, but with the contract body. */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const known =
    CLIENT_ERRORS[err.code ?? ''] ??
    (err.code?.startsWith('HPE_')
      ? ([400, 'BAD_REQUEST', 'The request is not valid HTTP'] as const)
      : null);
  // Only when nothing was answered yet; a started answer cannot be replaced.
  if (known && socket.writable && (socket as Socket).bytesWritten === 0)
    socket.write(rawAnswer(...known));
  socket.destroy();
}

function capConnections(server: Server, limits: ServerLimits, refused: WeakSet<Socket>): void {
  const open = new Map<string, number>();
  const capped = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || limits.exempt(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerIp) {
      if (!capped.has(address)) {
        capped.add(address);
        limits.onCapped?.(address);
      }
      limits.onRefused?.(address);
      // Answer and half-close at once, but keep reading until the client closes (or for a
      // moment), so what it already sent does not turn the close into a reset that could
      // swallow the answer. Requests parsed from this socket are never handed to the app.
      refused.add(socket);
      socket.end(
        rawAnswer(429, 'TOO_MANY_CONNECTIONS', 'Too many open connections from this address'),
      );
      setTimeout(() => socket.destroy(), 2000).unref();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
      if (left < limits.maxConnectionsPerIp) capped.delete(address);
    });
  });
}

/** An HTTP server for `handler` with the request timeouts and the connection cap applied. */
export function createLimitedServer(handler: RequestListener, limits: ServerLimits): Server {
  const refused = new WeakSet<Socket>();
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.requestTimeoutMs,
      // Node looks for expired requests on this interval, so it bounds how late a 408 comes.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, limits.requestTimeoutMs / 4)),
    },
    (req, res) => {
      if (!refused.has(req.socket)) handler(req, res);
    },
  );
  server.on('clientError', onClientError);
  if (limits.maxConnectionsPerIp > 0) capConnections(server, limits, refused);
  return server;
}
