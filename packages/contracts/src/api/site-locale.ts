// GET /api/v1/locale: the site's language and clock, asked for before anyone signs in (the
// sign-in screen speaks the site's language too).
import { z } from 'zod';

export const siteLocale = z.object({
  locale: z
    .string()
    .describe('FLOORWATCH_LOCALE: the language for a browser that asks for none the SPA speaks'),
  timeZone: z
    .string()
    .describe('FLOORWATCH_TIME_ZONE: the IANA zone every time on screen is shown in'),
});
export type SiteLocale = z.infer<typeof siteLocale>;
