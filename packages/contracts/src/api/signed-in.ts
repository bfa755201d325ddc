// What a signed-in screen learns about itself (GET /api/v1/me) and about the site
// (GET /api/v1/settings). A wall display signed in with a stored wall link also learns the link's
// own settings, so an admin changes a wall from the desk instead of at the TV.
import { z } from 'zod';
import { floorSettings, limit, stateLimits, wallLink } from './floor-settings';
import { roles, queueScope } from './schemas';

/** The settings of the wall link a wall display signed in with. */
export const wallDisplay = wallLink
  .pick({ name: true, queues: true, rotateSec: true, lang: true, sound: true })
  .extend({ linkId: z.string() })
  .describe("The wall link's settings, for a wall display signed in with a stored link");
export type WallDisplay = z.infer<typeof wallDisplay>;

export const me = z.object({
  username: z.string(),
  role: roles,
  queues: queueScope,
  wall: wallDisplay
    .nullable()
    .describe('Set for a wall display signed in with a stored wall link; null otherwise'),
});
export type Me = z.infer<typeof me>;

export const settings = floorSettings
  .extend({
    pollMs: z.number().int(),
    staleAfterMs: z.number().int(),
    release: z
      .string()
      .describe('Build id of the served SPA; wall displays reload when it changes'),
    wall: wallDisplay
      .nullable()
      .describe("The wall link's settings for a wall display signed in with one; else null"),
  })
  .describe("Shared limits and names (queue limits cut to the user's queues), timings, release");
export type Settings = z.infer<typeof settings>;

/** @deprecated The per-state limits are `limit` and `stateLimits`; these names stay until the
 *  SPA has moved (the browser's personal overrides still use them). */
export const threshold = limit;
/** @deprecated see `threshold`. */
export type Threshold = z.infer<typeof threshold>;
/** @deprecated see `threshold`. */
export const thresholds = stateLimits;
/** @deprecated see `threshold`. */
export type Thresholds = z.infer<typeof thresholds>;
