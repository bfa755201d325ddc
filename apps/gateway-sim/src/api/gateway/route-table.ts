// Matches a request to a route of the contracts' single route table (GATEWAY_ROUTES): the
// simulator serves exactly the paths, methods and log names the BFF calls.
import { GATEWAY_ROUTES, type GatewayRouteDef, type GatewayRouteName } from '@floorwatch/contracts';

interface CompiledRoute {
  name: GatewayRouteName;
  def: GatewayRouteDef;
  /** Path segments; `{x}` is a parameter named x. */
  segments: { literal: string | null; param: string | null }[];
}

export type RouteMatch =
  | { kind: 'route'; name: GatewayRouteName; def: GatewayRouteDef; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'unknown' };

/** docs/gateway.md §Conventions: agent ids run 101-999999. */
const AGENT_ID_MIN = 101;
const AGENT_ID_MAX = 999_999;

const COMPILED: readonly CompiledRoute[] = (
  Object.entries(GATEWAY_ROUTES) as [GatewayRouteName, GatewayRouteDef][]
).map(([name, def]) => ({
  name,
  def,
  segments: def.path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      const param = /^\{(\w+)\}$/.exec(s)?.[1] ?? null;
      return { literal: param === null ? s : null, param };
    }),
}));

function matchSegments(route: CompiledRoute, actual: string[]): Record<string, string> | null {
  if (route.segments.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < actual.length; i += 1) {
    const seg = route.segments[i];
    const a = actual[i] ?? '';
    if (!seg) return null;
    if (seg.param !== null) {
      if (a.length === 0) return null;
      params[seg.param] = a;
    } else if (seg.literal !== a) return null;
  }
  return params;
}

/** The route of a path below /agentgateway/resource (already split and decoded). */
export function matchRoute(method: string, segments: string[]): RouteMatch {
  let wrongMethod = false;
  for (const route of COMPILED) {
    const params = matchSegments(route, segments);
    if (!params) continue;
    if (route.def.method === method)
      return { kind: 'route', name: route.name, def: route.def, params };
    wrongMethod = true;
  }
  return wrongMethod ? { kind: 'wrong-method' } : { kind: 'unknown' };
}

/** Every parameter is a number; the caller's agent id is in the gateway's range. */
export function validParams(params: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(params)) {
    if (!/^\d{1,9}$/.test(v)) return false;
    if (k === 'agentId' && (Number(v) < AGENT_ID_MIN || Number(v) > AGENT_ID_MAX)) return false;
  }
  return true;
}
