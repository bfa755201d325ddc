import { useState } from 'react';
import type { z } from 'zod';
import { conflictOf, fieldErrorsOf, type Conflict, type FieldErrors } from '@/lib/save-problems';

export interface VersionedEdit<T, D> {
  draft: D;
  setDraft: (d: D) => void;
  /** The draft differs from what was loaded. */
  dirty: boolean;
  errors: FieldErrors;
  /** The last save's failure (null after a success or an edit). */
  error: unknown;
  conflict: Conflict<T> | null;
  saving: boolean;
  /** The last save went through. */
  saved: boolean;
  submit: () => Promise<void>;
  /** After a conflict: take the stored item (what was typed is replaced). */
  reload: () => void;
  /** After a conflict: save what was typed over the stored item. */
  overwrite: () => Promise<void>;
}

/**
 * Editing one versioned shared item (optimistic concurrency). The draft follows the stored item
 * until someone types; a save names the version the draft was based on; a 409 keeps the draft
 * and offers the stored item or an overwrite; a 400 marks the fields. Nothing typed is lost.
 */
export function useVersionedEdit<T extends { version: number }, D>(opts: {
  stored: T | null;
  toDraft: (t: T | null) => D;
  save: (draft: D, version: number) => Promise<T>;
  /** Errors found before sending (an empty object: send). */
  check?: (draft: D) => FieldErrors;
  /** The item's contract, to read the stored item out of a 409 answer. */
  schema: z.ZodType<T>;
  onSaved?: (t: T) => void;
}): VersionedEdit<T, D> {
  const { stored, toDraft } = opts;
  const [base, setBase] = useState<T | null>(stored);
  const [seen, setSeen] = useState<T | null>(stored);
  const [draft, setDraftState] = useState<D>(() => toDraft(stored));
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  // A newer stored item (someone's change, or our own save coming back) replaces an untouched
  // draft; a draft someone is typing in stays as it is. An older one (a read that raced a save
  // or a conflict) changes nothing.
  if (stored !== seen) {
    setSeen(stored);
    if (!touched && !saving && (stored?.version ?? 0) >= (base?.version ?? 0)) {
      setBase(stored);
      setDraftState(toDraft(stored));
    }
  }

  const setDraft = (d: D) => {
    setDraftState(d);
    setTouched(true);
    setSaved(false);
  };

  const run = async (version: number) => {
    const found = opts.check?.(draft) ?? {};
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // The fields say what is wrong; nothing was sent.
      setError(null);
      setConflict(null);
      setSaved(false);
      return;
    }
    setSaving(true);
    setSaved(false);
    try {
      const next = await opts.save(draft, version);
      setBase(next);
      setDraftState(toDraft(next));
      setTouched(false);
      setError(null);
      setConflict(null);
      setSaved(true);
      opts.onSaved?.(next);
    } catch (e) {
      setError(e);
      setConflict(conflictOf(e, opts.schema));
      setErrors(fieldErrorsOf(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    draft,
    setDraft,
    dirty: touched,
    errors,
    error,
    conflict,
    saving,
    saved,
    submit: () => run(base?.version ?? 0),
    reload: () => {
      const current = conflict?.current ?? null;
      setBase(current);
      setDraftState(toDraft(current));
      setTouched(false);
      setError(null);
      setConflict(null);
      setErrors({});
    },
    overwrite: () => run(conflict?.current?.version ?? 0),
  };
}
