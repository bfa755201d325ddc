import { useSyncExternalStore } from 'react';
import { useThemeStore } from '@/stores/theme-store';
import { MoonIcon, SunIcon } from './icons';

function subscribe(cb: () => void) {
  const mo = new MutationObserver(cb);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => mo.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');

export function ThemeToggle({ className = 'btn btn-ghost px-2' }: { className?: string }) {
  const toggle = useThemeStore((s) => s.toggle);
  const dark = useSyncExternalStore(subscribe, isDark);
  return (
    <button
      type="button"
      className={className}
      onClick={toggle}
      aria-label="Toggle theme"
      aria-pressed={dark}
      title={dark ? 'Switch to light theme' : 'Switch to dark theme'}
    >
      {dark ? <SunIcon className="h-5 w-5" /> : <MoonIcon className="h-5 w-5" />}
    </button>
  );
}
