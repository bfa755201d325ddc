import { useState } from 'react';
import { BellIcon } from './icons-more';
import { useNotifyStore } from '@/stores/notify-store';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function permission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Opt in to a browser notification when a queue or agent turns critical (this browser only). */
export function NotifyToggle() {
  const enabled = useNotifyStore((s) => s.enabled);
  const setEnabled = useNotifyStore((s) => s.setEnabled);
  const [perm, setPerm] = useState<Permission>(permission);
  const on = enabled && perm === 'granted';
  const toggle = async () => {
    if (on) {
      setEnabled(false);
      return;
    }
    if (perm === 'unsupported') return;
    const p = perm === 'granted' ? 'granted' : await Notification.requestPermission();
    setPerm(p);
    setEnabled(p === 'granted');
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn"
        aria-pressed={on}
        disabled={perm === 'unsupported' || perm === 'denied'}
        onClick={() => void toggle()}
      >
        <BellIcon className="h-4 w-4" />
        Notify me of critical
      </button>
      {perm === 'denied' && (
        <span className="text-xs text-muted">Notifications are blocked in this browser.</span>
      )}
      {perm === 'unsupported' && (
        <span className="text-xs text-muted">This browser cannot show notifications.</span>
      )}
    </span>
  );
}
