// The route table is the one source of the API description: it must list exactly the routes
// Express answers, and the served OpenAPI document must describe each of them.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type FloorwatchApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { API_ROUTES, openApiPath } from '../../src/http/api-routes';
import { PROXY_RULES } from '../../src/http/gateway-proxy';
import { FakeLive, FakeSession, memorySettings, silentLogger, testMetrics } from '../http/fakes';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD path` Express has a route for, with the mount paths of nested routers. */
function expressRoutes(stack: Layer[], prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const m of Object.keys(layer.route.methods))
        out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
    } else if (layer.handle?.stack) {
      const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
      out.push(...expressRoutes(layer.handle.stack, prefix + mount));
    }
  }
  return out;
}

let fw: FloorwatchApp | null = null;
afterEach(() => fw?.close());

function build() {
  fw = createApp({
    config: parseConfig({ FLOORWATCH_WEB_DIST: '/nonexistent-dist' }),
    gatewayUrl: 'http://127.0.0.1:9',
    session: new FakeSession(),
    live: new FakeLive(),
    metrics: testMetrics(),
    logger: silentLogger(),
    settings: memorySettings(),
    users: [],
  });
  return fw.app;
}

describe('the route table', () => {
  it('lists exactly the routes Express answers (the read-only proxy from its allow-list)', () => {
    const app = build();
    const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
    const actual = new Set(expressRoutes(stack).filter((r) => r !== 'GET /{*splat}'));
    const proxy = new Set(PROXY_RULES.map((r) => `/api/v1/gateway${r.path}`));
    const table = API_ROUTES.filter((r) => !proxy.has(openApiPath(r.path)));
    expect([...actual].sort()).toEqual(
      table.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort(),
    );
    expect(API_ROUTES.length - table.length).toBe(PROXY_RULES.length);
  });

  it('is served as an OpenAPI 3.1 document describing every route, parameter and type', async () => {
    const r = await request(build()).get('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const doc = r.body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { in: string; name: string }[]; responses: object }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      for (const name of [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]))
        expect(op!.parameters, `${route.path} parameter ${name}`).toContainEqual(
          expect.objectContaining({ in: 'path', name }),
        );
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Snapshot', 'Patch', 'Agent', 'Queue', 'ErrorBody', 'Ready']),
    );
    // No schema exists twice (an input and an "Output" copy of the same type).
    expect(Object.keys(doc.components.schemas).filter((k) => k.endsWith('Output'))).toEqual([]);
  });
});
