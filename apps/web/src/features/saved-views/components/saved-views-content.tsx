import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { AGENT_PARAM } from '@/lib/routes';
import { saveErrorText, fieldErrorsOf } from '@/lib/save-problems';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { useDeleteView, useSaveView, useViews } from '../api/views-api';

const M = defineMessages({
  queue: { id: 'views.screen.queue', defaultMessage: 'Queue' },
  exceptions: { id: 'views.screen.exceptions', defaultMessage: 'Exceptions' },
  overview: { id: 'views.screen.overview', defaultMessage: 'Queues overview' },
  saveAs: { id: 'views.save-as', defaultMessage: 'Save this view as' },
  example: { id: 'views.example', defaultMessage: 'e.g. North team, longest first' },
  save: { id: 'views.save', defaultMessage: 'Save view' },
  keeps: { id: 'views.keeps', defaultMessage: "Keeps this screen's filters, sort and columns." },
  savedAs: { id: 'views.saved-as', defaultMessage: 'Saved as “{name}”.' },
  heading: { id: 'views.heading', defaultMessage: 'Saved views' },
  loadFailed: { id: 'views.load-failed', defaultMessage: 'Your saved views could not be loaded.' },
  none: { id: 'views.none', defaultMessage: 'None yet.' },
  deleteOf: { id: 'views.delete-of', defaultMessage: 'Delete view {name}' },
});

/** The screen a saved path opens, in words. */
function screenOf(path: string): string {
  const intl = activeIntl();
  if (path.startsWith('/queues/')) return intl.formatMessage(M.queue);
  if (path.startsWith('/exceptions')) return intl.formatMessage(M.exceptions);
  return intl.formatMessage(M.overview);
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
  const refused = fieldErrorsOf(save.error);
  // A refused name is said at the name; a refusal of the whole list (too many views) too.
  const nameError = refused.name ?? refused[''];
  const intl = useI18n();

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
          {intl.formatMessage(M.saveAs)}
        </label>
        <div className="flex gap-2">
          <input
            id="view-name"
            className="input min-w-0 flex-1"
            value={name}
            maxLength={80}
            placeholder={intl.formatMessage(M.example)}
            aria-invalid={nameError ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={name.trim() === '' || save.isPending}
          >
            {intl.formatMessage(M.save)}
          </button>
        </div>
        <p className="text-xs text-muted">{intl.formatMessage(M.keeps)}</p>
        {save.isError && (
          <p role="alert" className="text-xs text-crit">
            {nameError ?? saveErrorText(save.error)}
          </p>
        )}
        {save.isSuccess && (
          <p role="status" className="text-xs text-ok">
            {intl.formatMessage(M.savedAs, { name: save.data.name })}
          </p>
        )}
      </form>
      <div className="flex flex-col gap-1 border-t border-line pt-2">
        <h2 className="font-semibold">{intl.formatMessage(M.heading)}</h2>
        {views.isPending ? (
          <p className="text-muted">{intl.formatMessage(COMMON.loading)}</p>
        ) : views.isError ? (
          <p role="alert" className="text-crit">
            {intl.formatMessage(M.loadFailed)}
          </p>
        ) : views.data.length === 0 ? (
          <p className="text-muted">{intl.formatMessage(M.none)}</p>
        ) : (
          <ul
            aria-label={intl.formatMessage(M.heading)}
            className="flex max-h-72 flex-col gap-0.5 overflow-auto"
          >
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
                  aria-label={intl.formatMessage(M.deleteOf, { name: v.name })}
                  disabled={del.isPending}
                  onClick={() => del.mutate(v.id)}
                >
                  {intl.formatMessage(COMMON.delete)}
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
