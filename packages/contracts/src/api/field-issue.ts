// One field a 400 answer names (ErrorBody.details is a list of these). The English `message` is
// for logs and API users; screens word the `code` (zod's issue code) and its bounds in the user's
// language, so a refused form reads the same in every language whether the browser or the server
// found the problem.
import { z } from 'zod';

export const fieldIssue = z.object({
  path: z.string().describe('Dotted path of the field, e.g. states.wrapup.critSec'),
  message: z.string().describe('English; screens word `code` themselves'),
  code: z
    .string()
    .optional()
    .describe('zod issue code: too_small, too_big, invalid_type, invalid_format, custom…'),
  origin: z.string().optional().describe('What was measured: number, string, array…'),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  inclusive: z.boolean().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

/** A zod issue as a FieldIssue (the same on the BFF's 400 answers and in the SPA's own checks). */
export function fieldIssueOf(i: z.core.$ZodIssue): FieldIssue {
  const out: FieldIssue = { path: i.path.join('.'), message: i.message, code: i.code };
  if (i.code === 'too_small' || i.code === 'too_big') {
    out.origin = i.origin;
    out.inclusive = i.inclusive ?? true;
    const bound = i.code === 'too_small' ? i.minimum : i.maximum;
    if (i.code === 'too_small') out.minimum = Number(bound);
    else out.maximum = Number(bound);
  } else if (i.code === 'invalid_type') {
    out.origin = i.expected;
  }
  return out;
}
