import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../src/gateway/gateway-client';

let server: Server;
let base = '';
const seen: Array<{ url: string; guid: string | undefined; body: string }> = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ url: req.url ?? '', guid: req.headers.guid as string | undefined, body });
    const path = (req.url ?? '').replace('/agentgateway/resource', '');
    if (path === '/ok') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-guid': 'JSESSIONID=abc.AgentGateway1',
      });
      res.end('\ufeff{"retcode":"0","message":"","result":null}');
    } else if (path === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    } else if (path === '/text') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('not json');
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`"${'x'.repeat(5000)}"`);
    }
    // '/hang': never answers
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('gateway client', () => {
  const client = () => createGatewayClient({ baseUrl: base, maxBodyBytes: 1000 });

  it('sends the Guid header and JSON body, reads Set-GUID and JSON (BOM tolerated)', async () => {
    const c = client();
    const ans = await c.send({
      method: 'POST',
      path: '/ok',
      body: { skills: [1] },
      guid: 'g-1',
      timeoutMs: 2000,
    });
    expect(ans).toMatchObject({ httpStatus: 200, isJson: true, setGuid: 'abc.AgentGateway1' });
    expect(ans.json).toEqual({ retcode: '0', message: '', result: null });
    expect(seen.at(-1)).toMatchObject({
      url: '/agentgateway/resource/ok',
      guid: 'g-1',
      body: '{"skills":[1]}',
    });
    c.close();
  });

  it('reports non-JSON and error statuses without throwing', async () => {
    const c = client();
    expect(
      await c.send({ method: 'GET', path: '/html', guid: null, timeoutMs: 2000 }),
    ).toMatchObject({
      httpStatus: 502,
      isJson: false,
    });
    expect(
      await c.send({ method: 'GET', path: '/text', guid: null, timeoutMs: 2000 }),
    ).toMatchObject({
      httpStatus: 200,
      isJson: false,
      json: undefined,
    });
    c.close();
  });

  it('times out, refuses oversize answers and can be aborted', async () => {
    const c = client();
    await expect(
      c.send({ method: 'GET', path: '/hang', guid: null, timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    await expect(
      c.send({ method: 'GET', path: '/big', guid: null, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    const ac = new AbortController();
    const pending = c.send({
      method: 'GET',
      path: '/hang',
      guid: null,
      timeoutMs: 5000,
      signal: ac.signal,
    });
    ac.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(
      createGatewayClient({ baseUrl: 'http://127.0.0.1:1' }).send({
        method: 'GET',
        path: '/x',
        guid: null,
        timeoutMs: 2000,
      }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    c.close();
  });
});
