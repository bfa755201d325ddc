import { useCallback } from 'react';
import { defineMessages } from '@/i18n/messages';
import { agentKey, queueKey } from '@/lib/alerts';
import { judgeKpis } from '@/lib/limits';
import { activeIntl } from '@/stores/locale-store';
import { useNotifyStore } from '@/stores/notify-store';
import { useCriticalAlerts } from './use-critical-alerts';
import { exceptionsAt } from './use-exceptions';
import { useFloor } from './use-floor';
import { readLive } from './use-live';

const M = defineMessages({
  many: {
    id: 'notify.many',
    defaultMessage: '{count, plural, other {# new critical alerts}}',
  },
  agent: { id: 'notify.agent', defaultMessage: 'Agent past critical limit' },
  agentBody: { id: 'notify.agent.body', defaultMessage: '{name} ({workno})' },
  queue: { id: 'notify.queue', defaultMessage: 'Queue past a critical limit' },
  queueN: { id: 'notify.queue.unknown', defaultMessage: 'Queue {skillId}' },
});

/** More new breaches than this at once become one summary notification. */
const AT_ONCE = 3;

function notify(title: string, body: string, tag: string): void {
  try {
    new Notification(title, { body, tag });
  } catch {
    // a browser that refuses notifications here: nothing to do
  }
}

/**
 * A desk that opted in gets a browser notification when an agent or a queue in its scope turns
 * critical — once per breach, never again while it lasts.
 */
export function useDeskNotifications(): void {
  const enabled = useNotifyStore((s) => s.enabled);
  const { policy, ready } = useFloor();
  const allowed = enabled && typeof Notification !== 'undefined';

  const critical = useCallback(
    (serverNow: number) => {
      const { queues, queueIds } = readLive();
      const keys = new Set<string>();
      for (const r of exceptionsAt(serverNow, policy))
        if (r.level === 'crit') keys.add(agentKey(r.agent.workno));
      for (const id of queueIds) {
        const q = queues.get(id);
        if (q && judgeKpis(q, policy).level === 'crit') keys.add(queueKey(id));
      }
      return keys;
    },
    [policy],
  );

  const onStart = useCallback((keys: string[]) => {
    if (Notification.permission !== 'granted') return;
    const { agents, queues } = readLive();
    const intl = activeIntl();
    if (keys.length > AT_ONCE) {
      notify('Floorwatch', intl.formatMessage(M.many, { count: keys.length }), 'floorwatch-many');
      return;
    }
    for (const k of keys) {
      const id = k.slice(2);
      if (k.startsWith('a:')) {
        const a = agents.get(id);
        notify(
          intl.formatMessage(M.agent),
          a
            ? intl.formatMessage(M.agentBody, { name: a.name.trim() || a.workno, workno: a.workno })
            : id,
          k,
        );
      } else {
        const q = queues.get(Number(id));
        notify(
          intl.formatMessage(M.queue),
          q?.name ?? intl.formatMessage(M.queueN, { skillId: id }),
          k,
        );
      }
    }
  }, []);

  useCriticalAlerts(critical, onStart, allowed && ready);
}
