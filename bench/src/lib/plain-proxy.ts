// The baseline of the gateway-load benchmark: what a team gets without a BFF. Browsers cannot hold
// the gateway session themselves (the Guid is a credential and needs a keep-alive), so the
// simplest working setup is a plain reverse proxy that signs in once as a supervisor, adds the
// shared Guid to every request and forwards each browser's allonlineagents poll upstream as is:
// no cache, no coalescing, no budget. Signing in per browser instead is not an option at scale:
// the gateway has only so many supervisor accounts (101–199 in the simulator), and each sign-in
// would force the previous holder of the same account out.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlainProxy {
  url: string;
  close(): Promise<void>;
}

export async function startPlainProxy(gatewayUrl: string, agentId: string): Promise<PlainProxy> {
  const base = `${gatewayUrl}/agentgateway/resource`;
  const signIn = await fetch(`${base}/onlineagent/${agentId}/forceloginexwithoutphone`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: 'floorwatch' }),
  });
  const body = (await signIn.json()) as { retcode: string };
  const setGuid = signIn.headers.get('set-guid');
  if (body.retcode !== '0' || !setGuid) throw new Error(`proxy sign-in failed: ${body.retcode}`);
  let guid = setGuid.replace(/^JSESSIONID=/, '');
  const upstream = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/allonlineagents') {
      res.writeHead(404).end();
      return;
    }
    const up = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: `${upstream.pathname}/agentgroup/${agentId}/allonlineagents`,
        method: 'GET',
        headers: { Guid: guid },
        agent,
      },
      (upRes) => {
        const next = upRes.headers['set-guid'];
        if (typeof next === 'string') guid = next.replace(/^JSESSIONID=/, '');
        res.writeHead(upRes.statusCode ?? 502, { 'content-type': 'application/json' });
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    up.end();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await fetch(`${base}/onlineagent/${agentId}/logout`, {
        method: 'DELETE',
        headers: { Guid: guid },
      }).catch(() => undefined);
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}

/**
 * `n` browsers, each polling the proxy once per interval at its own phase, never two polls at a
 * time (as a setInterval+fetch page would do when answers are fast). Stops by itself at `until`.
 */
export function startPollers(
  proxyUrl: string,
  n: number,
  intervalMs: number,
  until: number,
): { stop(): Promise<void>; answered(): number } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let stopped = false;
  let answered = 0;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const once = () =>
    new Promise<void>((resolve) => {
      const req = http.get(`${proxyUrl}/allonlineagents`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          answered += 1;
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('error', () => resolve());
    });
  // setInterval + "skip while the previous poll is still out", as a polling page would do.
  const loop = (phase: number) => {
    let busy = false;
    const fire = () => {
      if (stopped || busy || Date.now() >= until) return;
      busy = true;
      const p = once().finally(() => {
        busy = false;
        inFlight.delete(p);
      });
      inFlight.add(p);
    };
    const first = setTimeout(() => {
      fire();
      timers.add(setInterval(fire, intervalMs));
    }, phase);
    timers.add(first);
  };
  for (let i = 0; i < n; i += 1) loop(Math.floor((i / n) * intervalMs));
  return {
    answered: () => answered,
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...inFlight]);
      agent.destroy();
    },
  };
}
