/** Shown while a screen's code chunk loads (first visit only). */
export function RouteLoading() {
  return (
    <div className="flex h-full items-center justify-center gap-2 text-muted" role="status">
      <span className="spinner" /> Loading…
    </div>
  );
}
