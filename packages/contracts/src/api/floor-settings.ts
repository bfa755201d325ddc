// Shared settings: the limits, names and links every screen of a site sees alike, edited by
// admins and kept by the BFF's settings store (SQLite by default, Redis with several replicas).
// Every editable item carries a version: an update names the version it was based on (0 for a
// new item) and is answered 409 CONFLICT with the current item when someone changed it meanwhile,
// so two admins editing at once never silently overwrite each other.
import { z } from 'zod';
import { agentState, queueScope } from './schemas';

const seconds = z
  .number()
  .int()
  .positive()
  .max(7 * 86_400);
const version = z.number().int().nonnegative().describe('Version of the item; 0 = not stored yet');

/** Warning and critical durations; the warning comes first. */
export const limit = z
  .object({ warnSec: seconds, critSec: seconds })
  .refine((l) => l.warnSec < l.critSec, {
    message: 'the warning limit must be below the critical limit',
    path: ['critSec'],
  });
export type Limit = z.infer<typeof limit>;

export const stateLimits = z.partialRecord(agentState, limit);
export type StateLimits = z.infer<typeof stateLimits>;

const count = z.number().int().min(0).max(1_000_000);
const pct = z.number().min(0).max(100);

/** Queue KPI limits; null = no limit. Service level breaks a limit by falling *below* it. */
export const kpiLimits = z.object({
  waiting: z
    .object({ warn: count, crit: count })
    .refine((l) => l.warn < l.crit, { message: 'warn must be below crit', path: ['crit'] })
    .nullable()
    .describe('Calls waiting'),
  longestWaitSec: z
    .object({ warn: seconds, crit: seconds })
    .refine((l) => l.warn < l.crit, { message: 'warn must be below crit', path: ['crit'] })
    .nullable()
    .describe('Wait of the longest-waiting call, s'),
  serviceLevelPct: z
    .object({ warnBelow: pct, critBelow: pct })
    .refine((l) => l.critBelow < l.warnBelow, {
      message: 'the critical level must be below the warning level',
      path: ['critBelow'],
    })
    .nullable()
    .describe('Service level target, %'),
});
export type KpiLimits = z.infer<typeof kpiLimits>;

/** The site-wide limits: per agent state, and per queue KPI. */
export const siteLimits = z.object({
  version,
  states: stateLimits.describe('Time limits per agent state'),
  // Not described here: a described copy would be a second schema in the OpenAPI document.
  kpi: kpiLimits,
});
export type SiteLimits = z.infer<typeof siteLimits>;

/** One queue's overrides; what it does not set falls back to the site-wide limits. */
export const queueLimits = z.object({
  version,
  skillId: z.number().int(),
  states: stateLimits,
  kpi: kpiLimits.partial(),
});
export type QueueLimits = z.infer<typeof queueLimits>;

/** A `currentStateReason` code with a name, and optionally its own limit (lunch ≠ short break). */
export const reason = z.object({
  version,
  code: z.number().int().min(1).max(65_535),
  name: z.string().trim().min(1).max(60),
  limit: limit.nullable().describe('Replaces the state limit while an agent is in this reason'),
});
export type Reason = z.infer<typeof reason>;

/** A name for a gateway agent group (`groupid`), e.g. "Team North". */
export const group = z.object({
  version,
  groupId: z.number().int(),
  name: z.string().trim().min(1).max(60),
});
export type Group = z.infer<typeof group>;

/** A wall display link: what it shows and how. The token itself is shown once, at creation. */
export const wallLink = z.object({
  version,
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  queues: queueScope,
  rotateSec: z.number().int().min(5).max(3600).nullable(),
  lang: z.string().max(20).nullable().describe('Fixed language of the display, e.g. zh-CN'),
  sound: z.boolean().describe('Play a sound when something turns critical'),
  createdAt: z.number(),
  createdBy: z.string(),
  lastUsedAt: z.number().nullable(),
});
export type WallLink = z.infer<typeof wallLink>;

/** What an admin sends to create or change a wall link. */
export const wallLinkInput = wallLink.pick({
  version: true,
  name: true,
  queues: true,
  rotateSec: true,
  lang: true,
  sound: true,
});
export type WallLinkInput = z.infer<typeof wallLinkInput>;

/** Answer to creating a wall link: the only time the token is shown. */
export const wallLinkCreated = z.object({
  link: wallLink,
  token: z.string(),
  path: z.string().describe('The wall URL path with the token, e.g. /wall?token=...'),
});
export type WallLinkCreated = z.infer<typeof wallLinkCreated>;

/** A user's saved view: a name for a screen with its filters, sort and columns. */
export const savedView = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  /** The screen path and query it opens, e.g. `/queues/12?sort=state&group=3`. */
  path: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)/, 'a path inside the dashboard'),
  createdAt: z.number(),
});
export type SavedView = z.infer<typeof savedView>;
export const savedViewInput = savedView.pick({ name: true, path: true });

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z
    .string()
    .describe(
      'e.g. limits.site, limits.queue, reason.put, reason.delete, group.put, wall-link.create',
    ),
  target: z.string().describe('What was changed, e.g. "reason 12"'),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry).describe('Newest first'),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for the next page'),
});
export type AuditPage = z.infer<typeof auditPage>;

/** Everything a screen needs to judge and name what it shows (part of GET /api/v1/settings). */
export const floorSettings = z.object({
  limits: siteLimits,
  queueLimits: z.array(queueLimits),
  reasons: z.array(reason),
  groups: z.array(group),
});
export type FloorSettings = z.infer<typeof floorSettings>;

/** Per-user preferences kept on the server. */
export const preferences = z.object({
  locale: z.string().max(20).nullable().describe('Chosen language, e.g. zh-CN; null = automatic'),
});
export type Preferences = z.infer<typeof preferences>;

// ---- request bodies of the admin routes (the path names the item) ----------------------------

/** PUT /api/v1/admin/limits/queues/:skillId */
export const queueLimitsInput = queueLimits.omit({ skillId: true });
export type QueueLimitsInput = z.infer<typeof queueLimitsInput>;
/** PUT /api/v1/admin/reasons/:code */
export const reasonInput = reason.omit({ code: true });
export type ReasonInput = z.infer<typeof reasonInput>;
/** PUT /api/v1/admin/groups/:groupId */
export const groupInput = group.omit({ groupId: true });
export type GroupInput = z.infer<typeof groupInput>;
/** What an admin sends to create a wall link (POST); a change (PUT) sends `wallLinkInput`. */
export const wallLinkCreate = wallLinkInput.omit({ version: true });
export type WallLinkCreate = z.infer<typeof wallLinkCreate>;

/** Details of a 409 CONFLICT: the item as it is now (null when it no longer exists). */
export const conflictDetails = z.object({
  current: z.unknown().describe('The stored item now; null when it was deleted meanwhile'),
});
export type ConflictDetails = z.infer<typeof conflictDetails>;
