// Every CC-Gateway route Floorwatch knows, in one table: the simulator serves it, the BFF's
// session and monitor call it, and the read-only proxy allows the `query` routes from it.
// `logName` is the method name the gateway writes to its own logs (docs/gateway.md §Conventions);
// it is also our metrics label. Paths are below GATEWAY_BASE_PATH; `{name}` is a path parameter.

/** Gateway paths under /agentgateway/resource. */
export const GATEWAY_BASE_PATH = '/agentgateway/resource';

export type GatewayMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** `sign-in` opens a session, `session` needs one and manages it, `query` reads data. */
export type GatewayRouteKind = 'sign-in' | 'session' | 'query';

export interface GatewayRouteDef {
  readonly method: GatewayMethod;
  readonly path: string;
  readonly logName: string;
  readonly kind: GatewayRouteKind;
}

export const GATEWAY_ROUTES = {
  login: { method: 'PUT', path: '/onlineagent/{agentId}', logName: 'login', kind: 'sign-in' },
  forceLogin: {
    method: 'PUT',
    path: '/onlineagent/{agentId}/forcelogin',
    logName: 'forceLogin',
    kind: 'sign-in',
  },
  loginEx: {
    method: 'PUT',
    path: '/onlineagent/{agentId}/loginex',
    logName: 'loginEx',
    kind: 'sign-in',
  },
  forceLoginEx: {
    method: 'PUT',
    path: '/onlineagent/{agentId}/forceloginex',
    logName: 'forceLoginEx',
    kind: 'sign-in',
  },
  forceLoginExWithoutPhone: {
    method: 'PUT',
    path: '/onlineagent/{agentId}/forceloginexwithoutphone',
    logName: 'forceLoginExWithoutPhone',
    kind: 'sign-in',
  },
  logout: {
    method: 'DELETE',
    path: '/onlineagent/{agentId}/logout',
    logName: 'logout',
    kind: 'session',
  },
  forceLogout: {
    method: 'DELETE',
    path: '/onlineagent/{agentId}/forcelogout',
    logName: 'forceLogout',
    kind: 'session',
  },
  updateGuid: {
    method: 'PUT',
    path: '/onlineagent/{agentId}/updateGuid',
    logName: 'updateGuid',
    kind: 'session',
  },
  handshake: {
    method: 'POST',
    path: '/onlineagent/{agentId}/handshake',
    logName: 'handshake',
    kind: 'session',
  },
  getAgentEvent: {
    method: 'GET',
    path: '/agentevent/{agentId}',
    logName: 'getAgentEvent',
    kind: 'session',
  },
  queryAllOnlineAgents: {
    method: 'GET',
    path: '/agentgroup/{agentId}/allonlineagents',
    logName: 'queryAllOnlineAgents',
    kind: 'query',
  },
  queryAgentInfoBySkillId: {
    method: 'GET',
    path: '/agentgroup/{agentId}/agentbyskill/{skillId}',
    logName: 'queryAgentInfoBySkillId',
    kind: 'query',
  },
  queryAgentInfoByWorkNo: {
    method: 'GET',
    path: '/agentgroup/{agentId}/agentbyworkno/{workNo}',
    logName: 'queryAgentInfoByWorkNo',
    kind: 'query',
  },
  queryStatInfoOfAcd: {
    method: 'POST',
    path: '/queuedevice/{agentId}/queryacdstat',
    logName: 'queryStatInfoOfAcd',
    kind: 'query',
  },
  querySkillQueueOnAgentVDN: {
    method: 'GET',
    path: '/queuedevice/{agentId}/agentvdnskill',
    logName: 'querySkillQueueOnAgentVDN',
    kind: 'query',
  },
  queryQueueLengthBySkillId: {
    method: 'GET',
    path: '/queuedevice/{agentId}/skillwaitnum/{skillId}',
    logName: 'queryQueueLengthBySkillId',
    kind: 'query',
  },
} as const satisfies Record<string, GatewayRouteDef>;

export type GatewayRouteName = keyof typeof GATEWAY_ROUTES;

/** Path parameters of a route path: `{agentId}` → `agentId`. */
export function routeParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** A route's path with its parameters filled in (URL-encoded); throws when one is missing. */
export function gatewayPath(route: GatewayRouteName, params: Record<string, string | number>) {
  return GATEWAY_ROUTES[route].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`gatewayPath(${route}): missing {${name}}`);
    return encodeURIComponent(String(value));
  });
}
