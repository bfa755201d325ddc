// What the simulator saw, for tests that assert on the client's behaviour (load, rotation, ...).
import { GATEWAY_ROUTES, type GatewayRouteName } from '@floorwatch/contracts';

/** The gateway routes the simulator serves: every route of the contracts' table, by log name. */
export const ROUTE_NAMES = Object.keys(GATEWAY_ROUTES) as GatewayRouteName[];
export type RouteName = GatewayRouteName;

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
