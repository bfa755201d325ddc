import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { AGENT_PARAM } from '@/lib/routes';
import { saveErrorText, fieldErrorsOf } from '@/lib/save-problems';
import { useDeleteView, useSaveView, useViews } from '../api/views-api';

/** The screen a saved path opens, in words. */
function screenOf(path: string): string {
  if (path.startsWith('/queues/')) return 'Queue';
  if (path.startsWith('/exceptions')) return 'Exceptions';
  return 'Queues overview';
}

/** This screen's address without what is passing (an open agent detail). */
function currentPath(pathname: string, search: string): string {
  const p = new URLSearchParams(search);
  p.delete(AGENT_PARAM);
  const qs = p.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function SavedViewsContent({ onOpened }: { onOpened: () => void }) {
  const views = useViews();
  const save = useSaveView();
  const del = useDeleteView();
  const { pathname, search } = useLocation();
  const [name, setName] = useState('');
  const path = currentPath(pathname, search);
  const nameError = fieldErrorsOf(save.error).name;

  return (
    <div className="flex flex-col gap-3 text-sm">
      <form
        className="flex flex-col gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ name: name.trim(), path }, { onSuccess: () => setName('') });
        }}
      >
        <label htmlFor="view-name" className="font-semibold">
          Save this view as
        </label>
        <div className="flex gap-2">
          <input
            id="view-name"
            className="input min-w-0 flex-1"
            value={name}
            maxLength={80}
            placeholder="e.g. North team, longest first"
            aria-invalid={nameError ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={name.trim() === '' || save.isPending}
          >
            Save view
          </button>
        </div>
        <p className="text-xs text-muted">Keeps this screen&apos;s filters, sort and columns.</p>
        {save.isError && (
          <p role="alert" className="text-xs text-crit">
            {nameError ?? saveErrorText(save.error)}
          </p>
        )}
        {save.isSuccess && (
          <p role="status" className="text-xs text-ok">
            Saved as “{save.data.name}”.
          </p>
        )}
      </form>
      <div className="flex flex-col gap-1 border-t border-line pt-2">
        <h2 className="font-semibold">Saved views</h2>
        {views.isPending ? (
          <p className="text-muted">Loading…</p>
        ) : views.isError ? (
          <p role="alert" className="text-crit">
            Your saved views could not be loaded.
          </p>
        ) : views.data.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul aria-label="Saved views" className="flex max-h-72 flex-col gap-0.5 overflow-auto">
            {views.data.map((v) => (
              <li
                key={v.id}
                className="flex items-center justify-between gap-2 rounded px-1 hover:bg-surface-2"
              >
                <Link to={v.path} className="min-w-0 flex-1 py-1" onClick={onOpened}>
                  <span className="block truncate font-medium">{v.name}</span>
                  <span className="block truncate text-xs text-muted">{screenOf(v.path)}</span>
                </Link>
                <button
                  type="button"
                  className="btn btn-ghost px-2 text-xs"
                  aria-label={`Delete view ${v.name}`}
                  disabled={del.isPending}
                  onClick={() => del.mutate(v.id)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
        {del.isError && (
          <p role="alert" className="text-xs text-crit">
            {saveErrorText(del.error)}
          </p>
        )}
      </div>
    </div>
  );
}
