// What a refused change means for the form that sent it: a 400 names the fields (each shown next
// to its input), a 409 says someone else changed the item meanwhile (with the item as it is now).
// The form keeps what was typed either way.
import { conflictDetails } from '@floorwatch/contracts/api';
import type { z } from 'zod';
import { isApiError } from './api-client';

/** Field path ("states.wrapup.critSec") → message. */
export type FieldErrors = Readonly<Record<string, string>>;

const fieldIssue = (d: unknown): d is { path: string; message: string } =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as { path?: unknown }).path === 'string' &&
  typeof (d as { message?: unknown }).message === 'string';

/** The fields a 400 answer names (empty for any other error). */
export function fieldErrorsOf(e: unknown): FieldErrors {
  if (!isApiError(e) || e.status !== 400 || !Array.isArray(e.details)) return {};
  const out: Record<string, string> = {};
  for (const d of e.details as unknown[]) if (fieldIssue(d)) out[d.path] ??= d.message;
  return out;
}

/** The issues of a failed parse, by path, in the same shape as a 400 answer. */
export function fieldErrorsOfParse(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[i.path.join('.')] ??= i.message;
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

export const CONFLICT_MESSAGE =
  'Someone else changed this meanwhile — reload to see their change. What you typed is still here.';
export const DELETED_MESSAGE =
  'Someone else deleted this meanwhile. What you typed is still here; saving creates it again.';

/** A plain sentence for any other failure. */
export function saveErrorText(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 403) return 'Only an administrator can change this.';
    if (e.status === 400) return 'Some values are not valid; see the fields marked below.';
    return e.message;
  }
  return 'The change could not be saved. Try again.';
}
