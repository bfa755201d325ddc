// What a refused change means for the form that sent it: a 400 names the fields (each shown next
// to its input), a 409 says someone else changed the item meanwhile (with the item as it is now).
// The form keeps what was typed either way. Field problems are worded here from their zod code
// and bounds, in the user's language: the server's English message never reaches the screen.
import {
  conflictDetails,
  fieldIssue,
  fieldIssueOf,
  type FieldIssue,
} from '@floorwatch/contracts/api';
import type { z } from 'zod';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';
import { isApiError } from './api-client';
import { apiErrorText } from './api-problem';

/** Field path ("states.wrapup.critSec") → message. */
export type FieldErrors = Readonly<Record<string, string>>;

const ISSUE = defineMessages({
  required: { id: 'field.required', defaultMessage: 'Required.' },
  number: { id: 'field.number', defaultMessage: 'Enter a number.' },
  whole: { id: 'field.whole', defaultMessage: 'Whole numbers only.' },
  min: { id: 'field.min', defaultMessage: '{minimum} or more.' },
  above: { id: 'field.above', defaultMessage: 'More than {minimum}.' },
  max: { id: 'field.max', defaultMessage: '{maximum} or less.' },
  below: { id: 'field.below', defaultMessage: 'Less than {maximum}.' },
  minChars: {
    id: 'field.min-chars',
    defaultMessage: '{minimum, plural, one {At least # character.} other {At least # characters.}}',
  },
  maxChars: {
    id: 'field.max-chars',
    defaultMessage: '{maximum, plural, one {At most # character.} other {At most # characters.}}',
  },
  minItems: { id: 'field.min-items', defaultMessage: 'Choose at least {minimum}.' },
  maxItems: { id: 'field.max-items', defaultMessage: 'At most {maximum}.' },
  maxViews: {
    id: 'field.max-views',
    defaultMessage: 'At most {maximum} saved views; delete one first.',
  },
  critAbove: {
    id: 'field.crit-above-warn',
    defaultMessage: 'The critical limit must be above the warning limit.',
  },
  critBelow: {
    id: 'field.crit-below-warn',
    defaultMessage: 'The critical level must be below the warning level.',
  },
  invalid: { id: 'field.invalid', defaultMessage: 'Not a valid value.' },
});

/**
 * One field problem in the user's language. The contract's own rules (refinements) all say that
 * the critical value must lie beyond the warning one; which way is told by the field.
 */
export function issueText(i: FieldIssue): string {
  const intl = activeIntl();
  const t = (m: (typeof ISSUE)['required'], v?: Record<string, number>) => intl.formatMessage(m, v);
  const minimum = i.minimum ?? 0;
  const maximum = i.maximum ?? 0;
  switch (i.code) {
    case 'invalid_type':
      if (i.origin === 'int') return t(ISSUE.whole);
      return i.origin === 'number' ? t(ISSUE.number) : t(ISSUE.required);
    case 'too_small':
      if (i.origin === 'string')
        return minimum <= 1 ? t(ISSUE.required) : t(ISSUE.minChars, { minimum });
      if (i.origin === 'array' || i.origin === 'set') return t(ISSUE.minItems, { minimum });
      return i.inclusive === false ? t(ISSUE.above, { minimum }) : t(ISSUE.min, { minimum });
    case 'too_big':
      if (i.origin === 'saved-views') return t(ISSUE.maxViews, { maximum });
      if (i.origin === 'string') return t(ISSUE.maxChars, { maximum });
      if (i.origin === 'array' || i.origin === 'set') return t(ISSUE.maxItems, { maximum });
      return i.inclusive === false ? t(ISSUE.below, { maximum }) : t(ISSUE.max, { maximum });
    case 'custom': {
      const field = i.path.split('.').pop();
      if (field === 'critSec' || field === 'crit') return t(ISSUE.critAbove);
      if (field === 'critBelow') return t(ISSUE.critBelow);
      return t(ISSUE.invalid);
    }
    default:
      return t(ISSUE.invalid);
  }
}

/** The fields a 400 answer names (empty for any other error). */
export function fieldErrorsOf(e: unknown): FieldErrors {
  if (!isApiError(e) || e.status !== 400 || !Array.isArray(e.details)) return {};
  const out: Record<string, string> = {};
  for (const d of e.details as unknown[]) {
    const issue = fieldIssue.safeParse(d);
    if (issue.success) out[issue.data.path] ??= issueText(issue.data);
  }
  return out;
}

/** The issues of a failed parse, by path, in the same shape and words as a 400 answer. */
export function fieldErrorsOfParse(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.join('.')] ??= issueText(fieldIssueOf(i));
  return out;
}

/** The first error for `path` or anything under it ("states.wrapup" finds "states.wrapup.critSec"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const hit = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return hit ? errors[hit] : undefined;
}

export interface Conflict<T> {
  /** The item as stored now; null when someone deleted it meanwhile. */
  current: T | null;
}

/** A 409 CONFLICT, with the current item parsed by `schema` (null when it no longer exists). */
export function conflictOf<T>(e: unknown, schema: z.ZodType<T>): Conflict<T> | null {
  if (!isApiError(e) || e.status !== 409) return null;
  const d = conflictDetails.safeParse(e.details);
  if (!d.success || d.data.current === null || d.data.current === undefined)
    return { current: null };
  const c = schema.safeParse(d.data.current);
  return { current: c.success ? c.data : null };
}

const SAVE = defineMessages({
  conflict: {
    id: 'save.conflict',
    defaultMessage:
      'Someone else changed this meanwhile — reload to see their change. What you typed is still here.',
  },
  deleted: {
    id: 'save.deleted',
    defaultMessage:
      'Someone else deleted this meanwhile. What you typed is still here; saving creates it again.',
  },
  adminOnly: { id: 'save.admin-only', defaultMessage: 'Only an administrator can change this.' },
  invalid: {
    id: 'save.invalid',
    defaultMessage: 'Some values are not valid; see the fields marked below.',
  },
  failed: { id: 'save.failed', defaultMessage: 'The change could not be saved. Try again.' },
});

/** Someone else changed the item meanwhile. */
export function conflictText(): string {
  return activeIntl().formatMessage(SAVE.conflict);
}

/** Someone else deleted the item meanwhile. */
export function deletedText(): string {
  return activeIntl().formatMessage(SAVE.deleted);
}

/** A plain sentence for any other failure, worded from the server's code. */
export function saveErrorText(e: unknown): string {
  const intl = activeIntl();
  if (isApiError(e)) {
    if (e.status === 403) return intl.formatMessage(SAVE.adminOnly);
    if (e.status === 400) return intl.formatMessage(SAVE.invalid);
    return apiErrorText(e);
  }
  return intl.formatMessage(SAVE.failed);
}
