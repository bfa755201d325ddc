import { lazy, Suspense, useState } from 'react';
import { BookmarkIcon } from '@/components/icons';
import { SAVED_VIEWS_BUTTON } from '@/i18n/common';
import { useI18n } from '@/stores/locale-store';

const Popover = lazy(async () => ({
  default: (await import('./saved-views-popover')).SavedViewsPopover,
}));

/**
 * "Views": save this screen's filters, sort and columns under a name; open or delete one. Only a
 * button until first used: the menu's code loads with the first click.
 */
export function SavedViewsMenu() {
  const [used, setUsed] = useState(false);
  const intl = useI18n();
  const button = (
    <button type="button" className="btn" aria-expanded={false} onClick={() => setUsed(true)}>
      <BookmarkIcon className="h-4 w-4" />
      {intl.formatMessage(SAVED_VIEWS_BUTTON)}
    </button>
  );
  if (!used) return button;
  return (
    <Suspense fallback={button}>
      <Popover />
    </Suspense>
  );
}
