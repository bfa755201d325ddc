import {
  CONFLICT_MESSAGE,
  DELETED_MESSAGE,
  saveErrorText,
  type Conflict,
} from '@/lib/save-problems';

/**
 * Why a save did not go through, in plain words, with the ways on. For a conflict: take their
 * version (what was typed is replaced, by choice) or save this one over theirs.
 */
export function SaveProblem<T>({
  error,
  conflict,
  onReload,
  onOverwrite,
}: {
  error: unknown;
  conflict: Conflict<T> | null;
  onReload: () => void;
  onOverwrite?: () => void;
}) {
  if (!error) return null;
  if (conflict) {
    return (
      <div role="alert" className="callout callout-warn flex flex-col gap-2 text-sm">
        <p>{conflict.current === null ? DELETED_MESSAGE : CONFLICT_MESSAGE}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={onReload}>
            Reload their change
          </button>
          {onOverwrite && conflict.current !== null && (
            <button type="button" className="btn" onClick={onOverwrite}>
              Save mine over theirs
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <p role="alert" className="callout callout-crit text-sm">
      {saveErrorText(error)}
    </p>
  );
}
