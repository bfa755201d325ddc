import { defineMessages } from '@/i18n/messages';
import { conflictText, deletedText, saveErrorText, type Conflict } from '@/lib/save-problems';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  reload: { id: 'save.reload-theirs', defaultMessage: 'Reload their change' },
  overwrite: { id: 'save.overwrite', defaultMessage: 'Save mine over theirs' },
});

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
  const intl = useI18n();
  if (!error) return null;
  if (conflict) {
    return (
      <div role="alert" className="callout callout-warn flex flex-col gap-2 text-sm">
        <p>{conflict.current === null ? deletedText() : conflictText()}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={onReload}>
            {intl.formatMessage(M.reload)}
          </button>
          {onOverwrite && conflict.current !== null && (
            <button type="button" className="btn" onClick={onOverwrite}>
              {intl.formatMessage(M.overwrite)}
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
