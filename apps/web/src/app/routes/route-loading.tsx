import { COMMON } from '@/i18n/common';
import { useI18n } from '@/stores/locale-store';

/** Shown while a screen's code chunk loads (first visit only). */
export function RouteLoading() {
  const intl = useI18n();
  return (
    <div className="flex h-full items-center justify-center gap-2 text-muted" role="status">
      <span className="spinner" /> {intl.formatMessage(COMMON.loading)}
    </div>
  );
}
