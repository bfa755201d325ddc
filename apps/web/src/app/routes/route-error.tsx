import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  unknown: { id: 'route-error.unknown', defaultMessage: 'Unknown error' },
  title: { id: 'route-error.title', defaultMessage: 'This screen could not be shown' },
  wall: { id: 'route-error.wall', defaultMessage: 'This display reloads itself in 30 seconds.' },
  chunk: {
    id: 'route-error.chunk',
    defaultMessage: 'A newer version of Floorwatch was installed. Reload to get it.',
  },
  other: {
    id: 'route-error.other',
    defaultMessage: 'The rest of Floorwatch still works. Try again, or go back to the overview.',
  },
  overview: { id: 'route-error.overview', defaultMessage: 'Overview' },
});

/** Route-level boundary: one screen failed; the header and the other screens still work. */
export function RouteError() {
  const error = useRouteError();
  const intl = useI18n();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : intl.formatMessage(M.unknown);
  const chunk = /dynamically imported module|Importing a module script failed/i.test(message);
  const onWall = useLocation().pathname.startsWith('/wall');
  useEffect(() => {
    // Nobody is at a wall display to press Reload: it tries again by itself.
    if (!onWall) return;
    const t = setTimeout(() => location.reload(), 30_000);
    return () => clearTimeout(t);
  }, [onWall]);
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col gap-3 p-8">
      <h1 className="text-xl font-semibold">{intl.formatMessage(M.title)}</h1>
      <p className="text-muted">
        {onWall
          ? intl.formatMessage(M.wall)
          : chunk
            ? intl.formatMessage(M.chunk)
            : intl.formatMessage(M.other)}
      </p>
      <pre className="overflow-auto rounded-lg bg-surface-2 p-3 text-xs">{message}</pre>
      <div className="flex gap-2">
        <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
          {intl.formatMessage(COMMON.reload)}
        </button>
        <Link to="/" className="btn">
          {intl.formatMessage(M.overview)}
        </Link>
      </div>
    </div>
  );
}
