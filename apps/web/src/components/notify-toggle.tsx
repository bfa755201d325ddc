import { useState } from 'react';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';
import { useNotifyStore } from '@/stores/notify-store';
import { BellIcon } from './icons-more';

const M = defineMessages({
  toggle: { id: 'notify.toggle', defaultMessage: 'Notify me of critical' },
  blocked: { id: 'notify.blocked', defaultMessage: 'Notifications are blocked in this browser.' },
  unsupported: {
    id: 'notify.unsupported',
    defaultMessage: 'This browser cannot show notifications.',
  },
});

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function permission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Opt in to a browser notification when a queue or agent turns critical (this browser only). */
export function NotifyToggle() {
  const intl = useI18n();
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
        {intl.formatMessage(M.toggle)}
      </button>
      {perm === 'denied' && (
        <span className="text-xs text-muted">{intl.formatMessage(M.blocked)}</span>
      )}
      {perm === 'unsupported' && (
        <span className="text-xs text-muted">{intl.formatMessage(M.unsupported)}</span>
      )}
    </span>
  );
}
