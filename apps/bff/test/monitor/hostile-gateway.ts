// A stand-in between the BFF and the simulator that can rewrite allonlineagents answers as text:
// values JSON.stringify cannot write (a 400-digit number), or that the simulator never sends.
// Everything else passes through unchanged, so the session, budget and sign-in stay real.
import http from 'node:http';

export interface HostileGateway {
  url: string;
  /** Rewrites the text of every allonlineagents answer while set; null passes them through. */
  rewrite: ((text: string) => string) | null;
  /** allonlineagents answers rewritten so far. */
  rewritten: number;
  close(): Promise<void>;
}

export async function hostileGateway(target: string): Promise<HostileGateway> {
  const gw: HostileGateway = {
    url: '',
    rewrite: null,
    rewritten: 0,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const up = http.request(
        target + (req.url ?? ''),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (upRes) => {
          const out: Buffer[] = [];
          upRes.on('data', (c: Buffer) => out.push(c));
          upRes.on('end', () => {
            let answer = Buffer.concat(out);
            const rewrite = gw.rewrite;
            if (rewrite && (req.url ?? '').endsWith('/allonlineagents')) {
              answer = Buffer.from(rewrite(answer.toString('utf8')));
              gw.rewritten++;
            }
            const headers = { ...upRes.headers, 'content-length': String(answer.length) };
            delete headers['transfer-encoding'];
            res.writeHead(upRes.statusCode ?? 502, headers);
            res.end(answer);
          });
        },
      );
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  gw.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  gw.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return gw;
}

/**
 * Sets `field` of every record of agent `workno` (or only its record under `skillId`) to `raw`,
 * written into the JSON text as is: `'"99999999999999999999"'`, `'1e400'`, `'9'.repeat(400)`.
 */
export function setAgentField(
  workno: string,
  field: string,
  raw: string,
  skillId?: number,
): (text: string) => string {
  const marker = '"__hostile_value__"';
  return (text) => {
    const body = JSON.parse(text) as {
      result?: Array<{ skillId: number; agent?: Array<Record<string, unknown>> }>;
    };
    for (const skill of body.result ?? []) {
      if (skillId !== undefined && skill.skillId !== skillId) continue;
      for (const a of skill.agent ?? [])
        if (String(a.workno) === workno) a[field] = JSON.parse(marker) as string;
    }
    return JSON.stringify(body).split(marker).join(raw);
  };
}
