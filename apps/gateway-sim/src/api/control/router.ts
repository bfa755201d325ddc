// The control API (/sim-control): lets tests and demos steer the floor, break the gateway on
// purpose and read what the simulator saw. JSON in and out; never under /agentgateway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SimContext } from '../context';
import { readBody, sendJson } from '../http-io';

export type Json = { status: number; body: unknown };

export interface ControlCall {
  ctx: SimContext;
  params: Record<string, string>;
  /** The parsed JSON body; {} when there is none. */
  json: unknown;
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /sim-control; `:x` is a parameter. */
  path: string;
  handle(c: ControlCall): Json;
}

export const okJson = (body: unknown): Json => ({ status: 200, body });
export const notFound = (what: string): Json => ({
  status: 404,
  body: { error: `not found: ${what}` },
});
export const badRequest = (error: z.ZodError | string): Json => ({
  status: 400,
  body: {
    error:
      typeof error === 'string'
        ? error
        : error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
  },
});

/** Parses the body with `schema` and runs `then`, or answers 400 naming the bad fields. */
export function withBody<S extends z.ZodType>(
  schema: S,
  json: unknown,
  then: (value: z.infer<S>) => Json,
): Json {
  const p = schema.safeParse(json);
  return p.success ? then(p.data) : badRequest(p.error);
}

function match(route: ControlRoute, segments: string[]): Record<string, string> | null {
  const parts = route.path.split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i] ?? '';
    const s = segments[i] ?? '';
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}

export function controlHandler(routes: readonly ControlRoute[]) {
  return async (
    ctx: SimContext,
    req: IncomingMessage,
    res: ServerResponse,
    subPath: string,
  ): Promise<void> => {
    const segments = subPath.split('/').filter((s) => s.length > 0);
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    let out: Json;
    if (body.kind === 'malformed' || body.kind === 'too-large')
      out = badRequest('malformed JSON body');
    else {
      const json: unknown = body.kind === 'json' ? body.value : {};
      out = notFound(`${method} /sim-control/${segments.join('/')}`);
      for (const route of routes) {
        if (route.method !== method) continue;
        const params = match(route, segments);
        if (params) {
          out = route.handle({ ctx, params, json });
          break;
        }
      }
    }
    sendJson(res, out.status, out.body);
  };
}
