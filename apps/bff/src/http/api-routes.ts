// Every HTTP route the BFF answers, in one table: method, path, who may call it, and the contract
// schemas of what it takes and answers. The OpenAPI document (GET /api/v1/openapi.json) and
// docs/api.md are generated from it, and a test compares it with the routes Express really has,
// so a route added to a router without a row here (or the other way round) fails `npm test`.
// Adding an endpoint: mount it in its router, add its row here, run scripts/api-docs.ts.
import * as api from '@floorwatch/contracts/api';
import { z } from 'zod';
import { PROXY_RULES } from './gateway-proxy';
import { historyQuery } from './live-router';
import { gatewayReport, readyBody } from './readiness';

/** Who may call a route. */
export type Access = 'anyone' | 'signed-in' | 'supervisor' | 'admin';

export interface ApiResponse {
  description: string;
  schema?: z.ZodType;
  /** application/json unless given. */
  contentType?: string;
}

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax: `:name` for a path parameter. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** Request headers that change the answer. */
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ApiResponse>;
}

const resumeHeader = z.object({
  'last-event-id': z
    .string()
    .optional()
    .describe('The last version the client holds: missed patches are replayed'),
});
/** A new EventSource cannot send Last-Event-ID: the SPA resumes with this instead. */
const resumeQuery = z.object({
  lastEventId: z.string().optional().describe('Same meaning as the Last-Event-ID header'),
});

/** The named types of the public API, in reading order (components.schemas of the document). */
export const API_TYPES: Record<string, z.ZodType> = {
  SnapshotV2: api.snapshotV2,
  PatchV2: api.patchV2,
  QueueInfo: api.queueInfo,
  AgentChange: api.agentChange,
  QueueChange: api.queueChange,
  Snapshot: api.snapshot,
  Patch: api.patch,
  Heartbeat: api.heartbeat,
  Agent: api.agent,
  AgentState: api.agentState,
  MediaSignIn: api.mediaSignIn,
  Queue: api.queue,
  StateCounts: api.stateCounts,
  GatewayHealth: api.gatewayHealth,
  GatewayStatus: api.gatewayStatus,
  GatewayError: api.gatewayError,
  QueueDetail: api.queueDetail,
  History: api.history,
  HistoryPoint: api.historyPoint,
  SessionRequest: api.sessionRequest,
  Me: api.me,
  Role: api.roles,
  QueueScope: api.queueScope,
  Settings: api.settings,
  WallDisplay: api.wallDisplay,
  SiteLimits: api.siteLimits,
  StateLimits: api.stateLimits,
  Limit: api.limit,
  KpiLimits: api.kpiLimits,
  QueueLimits: api.queueLimits,
  QueueLimitsInput: api.queueLimitsInput,
  Reason: api.reason,
  ReasonInput: api.reasonInput,
  Group: api.group,
  GroupInput: api.groupInput,
  WallLink: api.wallLink,
  WallLinkCreate: api.wallLinkCreate,
  WallLinkInput: api.wallLinkInput,
  WallLinkCreated: api.wallLinkCreated,
  AuditPage: api.auditPage,
  AuditEntry: api.auditEntry,
  SavedView: api.savedView,
  SavedViewInput: api.savedViewInput,
  Preferences: api.preferences,
  ConflictDetails: api.conflictDetails,
  SiteLocale: api.siteLocale,
  FieldIssue: api.fieldIssue,
  Thresholds: api.thresholds,
  Threshold: api.threshold,
  Ready: readyBody,
  GatewayReport: gatewayReport,
  ErrorBody: api.errorBody,
};

const json = (description: string, schema: z.ZodType): ApiResponse => ({ description, schema });
const skillId = z.object({ skillId: z.string().regex(/^\d+$/).describe('Skill (queue) id') });

/** The gateway's own answer, passed through unchanged. */
const gatewayAnswer = z
  .record(z.string(), z.unknown())
  .describe("The gateway's JSON answer (`message`, `retcode`, `result`), unchanged");

/** Every admin change is checked against the stored version and recorded in the audit log. */
const conflict = json(
  '`CONFLICT`: `version` is not the stored one; `details` has the current value',
  api.conflictDetails,
);
const invalid = json('Invalid: `details` names the field', api.errorBody);
const missing = json('None stored under this key', api.errorBody);
const deleted = { 204: { description: 'Deleted' }, 404: missing, 409: conflict };
const versionQuery = z.object({
  version: z.string().regex(/^\d+$/).describe('The version being deleted'),
});
const idParam = (name: string, what: string) =>
  z.object({ [name]: z.string().min(1).describe(what) });

/** The signed-in user's own views and preferences (wall displays read them only). */
const meRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/me/views',
    summary: "The user's saved views, oldest first",
    access: 'signed-in',
    responses: { 200: json('Saved views', z.array(api.savedView)) },
  },
  {
    method: 'post',
    path: '/api/v1/me/views',
    summary: 'Save the current filters, sort and columns under a name (at most 100)',
    access: 'signed-in',
    body: api.savedViewInput,
    responses: { 201: json('Saved', api.savedView), 400: invalid },
  },
  {
    method: 'delete',
    path: '/api/v1/me/views/:id',
    summary: "Delete one of the user's saved views",
    access: 'signed-in',
    params: idParam('id', 'Saved view id'),
    responses: { 204: { description: 'Deleted' }, 404: missing },
  },
  {
    method: 'get',
    path: '/api/v1/me/preferences',
    summary: "The user's preferences",
    access: 'signed-in',
    responses: { 200: json('Preferences', api.preferences) },
  },
  {
    method: 'put',
    path: '/api/v1/me/preferences',
    summary: "Replace the user's preferences",
    access: 'signed-in',
    body: api.preferences,
    responses: { 200: json('Stored', api.preferences), 400: invalid },
  },
];

const adminRoutes: ApiRoute[] = [
  {
    method: 'put',
    path: '/api/v1/admin/limits/site',
    summary: 'Site limits per state and for queue figures',
    access: 'admin',
    body: api.siteLimits,
    responses: { 200: json('Stored, next version', api.siteLimits), 400: invalid, 409: conflict },
  },
  {
    method: 'put',
    path: '/api/v1/admin/limits/queues/:skillId',
    summary: "One queue's own limits (`version` 0 = new)",
    access: 'admin',
    params: skillId,
    body: api.queueLimitsInput,
    responses: { 200: json('Stored', api.queueLimits), 400: invalid, 409: conflict },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/limits/queues/:skillId',
    summary: "Remove a queue's own limits (the site limits apply again)",
    access: 'admin',
    params: skillId,
    query: versionQuery,
    responses: deleted,
  },
  {
    method: 'put',
    path: '/api/v1/admin/reasons/:code',
    summary: 'Name a reason code and set its limits (`version` 0 = new)',
    access: 'admin',
    params: idParam('code', 'Reason code (currentStateReason)'),
    body: api.reasonInput,
    responses: { 200: json('Stored', api.reason), 400: invalid, 409: conflict },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/reasons/:code',
    summary: "Remove a reason's name and limits",
    access: 'admin',
    params: idParam('code', 'Reason code (currentStateReason)'),
    query: versionQuery,
    responses: deleted,
  },
  {
    method: 'put',
    path: '/api/v1/admin/groups/:groupId',
    summary: 'Name an agent group (`version` 0 = new)',
    access: 'admin',
    params: idParam('groupId', 'Group id (groupid)'),
    body: api.groupInput,
    responses: { 200: json('Stored', api.group), 400: invalid, 409: conflict },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/groups/:groupId',
    summary: "Remove a group's name",
    access: 'admin',
    params: idParam('groupId', 'Group id (groupid)'),
    query: versionQuery,
    responses: deleted,
  },
  {
    method: 'get',
    path: '/api/v1/admin/wall-links',
    summary: 'Every wall link (never the tokens)',
    access: 'admin',
    responses: { 200: json('Wall links', z.array(api.wallLink)) },
  },
  {
    method: 'post',
    path: '/api/v1/admin/wall-links',
    summary: 'Create a wall link: the only time its token is shown (it is stored hashed)',
    access: 'admin',
    body: api.wallLinkCreate,
    responses: { 201: json('Created, with the token', api.wallLinkCreated), 400: invalid },
  },
  {
    method: 'put',
    path: '/api/v1/admin/wall-links/:id',
    summary: 'Change a wall link; its open displays reconnect with the new queues',
    access: 'admin',
    params: idParam('id', 'Wall link id'),
    body: api.wallLinkInput,
    responses: { 200: json('Stored', api.wallLink), 400: invalid, 404: missing, 409: conflict },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/wall-links/:id',
    summary: "Revoke a wall link's token and end its sessions",
    access: 'admin',
    params: idParam('id', 'Wall link id'),
    query: versionQuery,
    responses: deleted,
  },
  {
    method: 'get',
    path: '/api/v1/admin/audit',
    summary: 'The audit log of settings changes (who, when, before, after), newest first',
    access: 'admin',
    query: z.object({
      before: z.string().regex(/^\d+$/).optional().describe('An entry id: the page before it'),
      limit: z.string().regex(/^\d+$/).optional().describe('1–200, default 50'),
    }),
    responses: { 200: json('One page', api.auditPage) },
  },
];

export const API_ROUTES: readonly ApiRoute[] = [
  ...meRoutes,
  ...adminRoutes,
  {
    method: 'post',
    path: '/api/v1/session',
    summary: 'Sign in with a username and password, or a wallboard link token',
    access: 'anyone',
    body: api.sessionRequest,
    responses: {
      200: json('Signed in; sets the `fw_session` cookie', api.me),
      401: json('Wrong username or password, or an invalid link', api.errorBody),
      429: json('Too many failed sign-ins (`RATE_LIMITED`, with Retry-After)', api.errorBody),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/session',
    summary: 'Sign out; ends the live streams of this session',
    access: 'signed-in',
    responses: { 204: { description: 'Signed out' } },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'Who is signed in',
    access: 'signed-in',
    responses: { 200: json('The user', api.me) },
  },
  {
    method: 'get',
    path: '/api/v1/locale',
    summary: "The site's default language and time zone (the sign-in screen needs them too)",
    access: 'anyone',
    responses: { 200: json('FLOORWATCH_LOCALE and FLOORWATCH_TIME_ZONE', api.siteLocale) },
  },
  {
    method: 'get',
    path: '/api/v1/settings',
    summary: 'Thresholds, poll interval and the SPA release id',
    access: 'signed-in',
    responses: { 200: json('Settings', api.settings) },
  },
  {
    method: 'get',
    path: '/api/v1/snapshot',
    summary: "The whole floor now, cut to the user's queues",
    access: 'signed-in',
    responses: { 200: json('The snapshot', api.snapshot) },
  },
  {
    method: 'get',
    path: '/api/v1/queues/:skillId',
    summary: 'One queue and its agents',
    access: 'signed-in',
    params: skillId,
    responses: {
      200: json('The queue', api.queueDetail),
      404: json("Unknown, or outside the user's queues", api.errorBody),
    },
  },
  {
    method: 'get',
    path: '/api/v1/history',
    summary: 'State counts and queue depth over time (default: the last hour; at most 7 days)',
    access: 'signed-in',
    query: historyQuery,
    responses: {
      200: json('The history', api.history),
      403: json("A requested queue is outside the user's queues", api.errorBody),
    },
  },
  {
    method: 'get',
    path: '/api/v1/stream',
    summary:
      'The v1 live stream (Server-Sent Events, whole agents and queues): kept for integrators; new clients read /api/v2/stream',
    access: 'signed-in',
    headers: resumeHeader,
    query: resumeQuery,
    responses: {
      200: {
        description:
          'Events `snapshot`, `patch` and `heartbeat`; `id:` is the data version, `data:` one of these',
        contentType: 'text/event-stream',
        schema: z.union([api.snapshot, api.patch, api.heartbeat]),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v2/snapshot',
    summary:
      "The whole floor now in the v2 shape (queue figures without members), cut to the user's queues",
    access: 'signed-in',
    responses: { 200: json('The snapshot', api.snapshotV2) },
  },
  {
    method: 'get',
    path: '/api/v2/stream',
    summary:
      'The live stream the SPA reads (Server-Sent Events): a snapshot, then patches of what changed only, and heartbeats',
    access: 'signed-in',
    headers: resumeHeader,
    query: resumeQuery,
    responses: {
      200: {
        description:
          'Events `snapshot`, `patch` and `heartbeat`; `id:` is the data version, `data:` one of these',
        contentType: 'text/event-stream',
        schema: z.union([api.snapshotV2, api.patchV2, api.heartbeat]),
      },
    },
  },
  ...PROXY_RULES.map((rule): ApiRoute => ({
    method: 'get',
    path: `/api/v1/gateway${rule.path.replace(/\{(\w+)\}/g, ':$1')}`,
    summary: `The gateway's ${rule.route} answer, read-only (only Content-Type and Content-Length of its headers pass)`,
    access: 'supervisor',
    ...(rule.params.length > 0
      ? {
          params: z.object(
            Object.fromEntries(rule.params.map((p) => [p, z.string().regex(/^\d{1,9}$/)])),
          ),
        }
      : {}),
    responses: {
      200: json("The gateway's answer", gatewayAnswer),
      502: json(
        "`GATEWAY_BAD_ANSWER`: the gateway's answer was not JSON or not a 2xx (its status in `details.gatewayStatus`)",
        api.errorBody,
      ),
      503: json('`GATEWAY_UNAVAILABLE`: not signed in to the gateway', api.errorBody),
    },
  })),
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: 'anyone',
    responses: { 200: json('The document', z.record(z.string(), z.unknown())) },
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: 200 while the process runs',
    access: 'anyone',
    responses: { 200: json('Alive', z.object({ status: z.literal('ok') })) },
  },
  {
    method: 'get',
    path: '/readyz',
    summary:
      'Readiness of this replica: the SPA is built, every part is ready and there is data (stale data counts). The gateway is reported in the body but never makes it unready',
    access: 'anyone',
    responses: {
      200: json('Ready; the body says how the gateway is', readyBody),
      503: json(
        '`NOT_READY`; `details.reasons` says why, `details.gateway` as above',
        api.errorBody,
      ),
    },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (keep it on the internal network)',
    access: 'anyone',
    responses: {
      200: { description: 'Prometheus text format', contentType: 'text/plain', schema: z.string() },
    },
  },
];

/** `/a/:b` → `/a/{b}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');
