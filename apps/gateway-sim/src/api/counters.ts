// What the simulator saw, for tests that assert on the client's behaviour (load, rotation, ...).

export const ROUTE_NAMES = [
  'login',
  'forceLogin',
  'loginEx',
  'forceLoginExWithoutPhone',
  'logout',
  'forceLogout',
  'updateGuid',
  'getAgentEvent',
  'queryAllOnlineAgents',
  'queryAgentInfoBySkillId',
  'queryAgentInfoByWorkNo',
  'queryStatInfoOfAcd',
  'querySkillQueueOnAgentVDN',
  'queryQueueLengthBySkillId',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export type RejectKind = 'rateLimited' | 'auth' | 'other';

export class Counters {
  routes: Record<string, number> = {};
  rejected: Record<RejectKind, number> = { rateLimited: 0, auth: 0, other: 0 };
  guidsIssued: string[] = [];

  hit(route: string): void {
    this.routes[route] = (this.routes[route] ?? 0) + 1;
  }

  reject(kind: RejectKind): void {
    this.rejected[kind] += 1;
  }

  reset(): void {
    this.routes = {};
    this.rejected = { rateLimited: 0, auth: 0, other: 0 };
    this.guidsIssued = [];
  }
}
