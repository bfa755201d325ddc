// The seam between the gateway session (src/gateway) and everything that uses it.
import type { GATEWAY_ROUTES, GatewayRouteName } from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';

export type SessionState =
  | 'signed-out' // not started, or stopped
  | 'signing-in'
  | 'signed-in' // Guid held, keep-alive poll running
  | 'backing-off' // lost or failing; a retry is scheduled
  | 'fatal'; // an operator must act (credentials, rights, config); retries are slow

export interface SessionStatus {
  state: SessionState;
  agentId: string;
  /** Epoch ms of the last call of this session that the gateway answered with retcode 0. */
  lastSuccessAt: number | null;
  error: GatewayError | null;
  signedInAt: number | null;
}

/** Callers of the shared upstream budget, highest priority first. */
export type BudgetCaller = 'keepalive' | 'session' | 'agents' | 'queues' | 'skills' | 'proxy';

export interface GatewayAnswer<T = unknown> {
  httpStatus: number;
  /** Parsed JSON body, or undefined when the body was not JSON; what `readBody` made of it when
   *  the request had one and it took the body. */
  body: T | undefined;
  /** The body as received, when the request had a `readBody`. */
  bytes?: Buffer;
  /** The answer's retcode, clipped to a log-safe length (log-safe.ts); null when it has none. */
  retcode: string | null;
  latencyMs: number;
}

/** The data queries of GATEWAY_ROUTES (kind `query`): what `call()` sends. Sign-in, keep-alive
 *  and sign-out belong to the session alone. */
export type GatewayQueryRoute = {
  [K in GatewayRouteName]: (typeof GATEWAY_ROUTES)[K]['kind'] extends 'query' ? K : never;
}[GatewayRouteName];

export interface GatewayRequest {
  /** The route's name in GATEWAY_ROUTES, e.g. `queryAllOnlineAgents`: method, path and the
   *  metrics label come from the table. */
  route: GatewayQueryRoute;
  /** Path parameters besides `{agentId}` (filled in by the session), e.g. `{ skillId: 3 }`. */
  params?: Record<string, string | number>;
  body?: unknown;
  caller: BudgetCaller;
  timeoutMs?: number;
  /** Reads the body without decoding and parsing it whole (the agents poll's raw diff). */
  readBody?: BodyReader;
}

/**
 * A caller's own reading of an answer body, run on the bytes as they arrived. `read` returns the
 * body's top level (`envelope`: the retcode and message the gateway layer acts on) and what the
 * caller gets as the answer's `body`; or null to have the body decoded and parsed as JSON as
 * usual. It must not throw, and must only take a body it can prove is JSON with that envelope.
 */
export interface BodyReader {
  /** Where to gather a body of `size` bytes: a buffer the caller no longer reads. A fresh
   *  multi-megabyte buffer per answer costs more than copying into it (every page is faulted in
   *  anew). */
  buffer?(size: number): Buffer;
  read(bytes: Buffer): { envelope: unknown; body: unknown } | null;
}

/** What the monitor, the proxy and the health endpoints need from the gateway session. */
export interface GatewaySessionPort {
  readonly agentId: string;
  status(): SessionStatus;
  /** Sends one call with the current Guid through the shared budget. Rejects with a
   *  GatewayCallError on transport failures; session-lost retcodes trigger a re-sign-in. */
  call<T = unknown>(req: GatewayRequest): Promise<GatewayAnswer<T>>;
  /** The current Guid, for the read-only proxy only. Never log it, never send it to a browser. */
  currentGuid(): string | null;
  /** Hand a Set-GUID seen on a proxied answer back to the session. */
  offerSetGuid(header: string | string[] | undefined): void;
  /** Waits for a budget slot (the proxy's calls count against the same budget). */
  acquireBudget(caller: BudgetCaller): Promise<void>;
  onStatusChange(listener: (s: SessionStatus) => void): () => void;
}
