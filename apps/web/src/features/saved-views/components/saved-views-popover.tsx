import { useEffect, useRef, useState } from 'react';
import { BookmarkIcon } from '@/components/icons';
import { SAVED_VIEWS_BUTTON } from '@/i18n/common';
import { useI18n } from '@/stores/locale-store';
import { SavedViewsContent } from './saved-views-content';

/** The "Views" menu itself, loaded (and opened) by the first click on its button. */
export function SavedViewsPopover() {
  const [open, setOpen] = useState(true);
  const intl = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => ref.current?.querySelector('summary')?.focus(), []);
  return (
    <details
      ref={ref}
      open
      className="relative"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.currentTarget.open) {
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="btn list-none [&::-webkit-details-marker]:hidden">
        <BookmarkIcon className="h-4 w-4" />
        {intl.formatMessage(SAVED_VIEWS_BUTTON)}
      </summary>
      <div className="card absolute left-0 z-30 mt-1 w-[min(22rem,calc(100vw-2rem))] p-3 shadow-lg">
        {open && <SavedViewsContent onOpened={() => ref.current?.removeAttribute('open')} />}
      </div>
    </details>
  );
}
