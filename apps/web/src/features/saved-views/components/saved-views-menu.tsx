import { lazy, Suspense, useState } from 'react';
import { BookmarkIcon } from '@/components/icons';

const Popover = lazy(async () => ({
  default: (await import('./saved-views-popover')).SavedViewsPopover,
}));

/**
 * "Views": save this screen's filters, sort and columns under a name; open or delete one. Only a
 * button until first used: the menu's code loads with the first click.
 */
export function SavedViewsMenu() {
  const [used, setUsed] = useState(false);
  const button = (
    <button type="button" className="btn" aria-expanded={false} onClick={() => setUsed(true)}>
      <BookmarkIcon className="h-4 w-4" />
      Views
    </button>
  );
  if (!used) return button;
  return (
    <Suspense fallback={button}>
      <Popover />
    </Suspense>
  );
}
