import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';

/** Route-level boundary: one screen failed; the header and the other screens still work. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
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
      <h1 className="text-xl font-semibold">This screen could not be shown</h1>
      <p className="text-muted">
        {onWall
          ? 'This display reloads itself in 30 seconds.'
          : chunk
            ? 'A newer version of Floorwatch was installed. Reload to get it.'
            : 'The rest of Floorwatch still works. Try again, or go back to the overview.'}
      </p>
      <pre className="overflow-auto rounded-lg bg-surface-2 p-3 text-xs">{message}</pre>
      <div className="flex gap-2">
        <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
          Reload
        </button>
        <Link to="/" className="btn">
          Overview
        </Link>
      </div>
    </div>
  );
}
