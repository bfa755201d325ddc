// Hostile clients for the security suite: raw HTTP from chosen loopback source addresses (every
// 127.0.0.x is this machine, so one test can be many "addresses"), raw sockets that send bodies
// slowly, and a gateway stand-in that adds hostile headers to the simulator's answers.
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
  ms: number;
}

/** One request on its own connection from `from` (a 127.0.0.x address). */
export function send(
  base: string,
  opts: {
    method?: string;
    path: string;
    from?: string;
    headers?: Record<string, string>;
    body?: unknown;
  },
): Promise<RawAnswer> {
  const url = new URL(opts.path, base);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        agent: false,
        localAddress: opts.from ?? '127.0.0.1',
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: Date.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function signInBody(username: string, password: string) {
  return { method: 'POST', path: '/api/v1/session', body: { username, password } };
}

export const cookieOf = (a: RawAnswer) =>
  [a.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('fw_session='))
    ?.split(';')[0];

/** A raw TCP connection that records what the server sends and when it closes. */
export class RawSocket {
  readonly socket: net.Socket;
  received = '';
  closed = false;
  readonly ready: Promise<void>;
  readonly closedAt: Promise<number>;

  constructor(base: string, from = '127.0.0.1') {
    const url = new URL(base);
    this.socket = net.connect({ host: url.hostname, port: Number(url.port), localAddress: from });
    this.socket.setEncoding('utf8');
    this.socket.on('data', (d: string) => (this.received += d));
    this.socket.on('error', () => {});
    this.ready = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.closedAt = new Promise((resolve) =>
      this.socket.once('close', () => {
        this.closed = true;
        resolve(Date.now());
      }),
    );
  }

  write(text: string) {
    this.socket.write(text);
  }

  /** The status code of the first answer on this socket, or 0. */
  status(): number {
    return Number(/^HTTP\/1\.1 (\d{3})/.exec(this.received)?.[1] ?? 0);
  }

  /** Resolves true when the server closes the socket within `ms`, false otherwise. */
  async closesWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const r = await Promise.race([this.closedAt.then(() => true as const), timeout]);
    clearTimeout(timer);
    return r;
  }

  destroy() {
    this.socket.destroy();
  }
}

/** An SSE stream opened from a chosen source address; counts the frames it receives. */
export function openStream(base: string, cookie: string, from: string) {
  const state = { status: 0, frames: 0, ended: false, req: null as http.ClientRequest | null };
  state.req = http.get(
    new URL('/api/v1/stream', base),
    { agent: false, localAddress: from, headers: { accept: 'text/event-stream', cookie } },
    (res) => {
      state.status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (state.frames += c.split('\n\n').length - 1));
      res.on('close', () => (state.ended = true));
    },
  );
  state.req.on('error', () => (state.ended = true));
  return state;
}

/**
 * The attacker's half of a gateway: forwards to the simulator and adds hostile headers to its
 * answers. `contentType` replaces the answer's Content-Type for paths matching `only`.
 */
export async function hostileGateway(target: string) {
  const hostile = {
    headers: {} as Record<string, string | string[]>,
    contentType: null as string | null,
    only: /agentbyworkno/,
  };
  const server = http.createServer((req, res) => {
    const up = http.request(
      target + (req.url ?? ''),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (upRes) => {
        const headers: http.OutgoingHttpHeaders = { ...upRes.headers, ...hostile.headers };
        if (hostile.contentType !== null && hostile.only.test(req.url ?? ''))
          headers['content-type'] = hostile.contentType;
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hostile,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The value of one counter series in Prometheus text, or 0. */
export function counter(metricsText: string, name: string, labels: string): number {
  const line = metricsText.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
