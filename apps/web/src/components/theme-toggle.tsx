import { useSyncExternalStore } from 'react';
import { useThemeStore } from '@/stores/theme-store';
import { MoonIcon, SunIcon } from './icons';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  toggle: { id: 'theme.toggle', defaultMessage: 'Toggle theme' },
  toLight: { id: 'theme.to-light', defaultMessage: 'Switch to light theme' },
  toDark: { id: 'theme.to-dark', defaultMessage: 'Switch to dark theme' },
});

function subscribe(cb: () => void) {
  const mo = new MutationObserver(cb);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => mo.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');

export function ThemeToggle({ className = 'btn btn-ghost px-2' }: { className?: string }) {
  const toggle = useThemeStore((s) => s.toggle);
  const dark = useSyncExternalStore(subscribe, isDark);
  const intl = useI18n();
  return (
    <button
      type="button"
      className={className}
      onClick={toggle}
      aria-label={intl.formatMessage(M.toggle)}
      aria-pressed={dark}
      title={intl.formatMessage(dark ? M.toLight : M.toDark)}
    >
      {dark ? <SunIcon className="h-5 w-5" /> : <MoonIcon className="h-5 w-5" />}
    </button>
  );
}
