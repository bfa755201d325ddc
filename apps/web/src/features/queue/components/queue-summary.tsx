import type { Queue } from '@floorwatch/contracts/api';
import type { ReactNode, Ref } from 'react';
import { QueueKpis } from '@/components/queue-kpis';
import { SUMMARY_LOOK } from '@/components/queue-kpi-looks';
import { defineMessages } from '@/i18n/messages';
import { skillText } from '@/lib/states';
import { useI18n } from '@/stores/locale-store';
import { QueueDetails } from './queue-details';

const M = defineMessages({
  region: { id: 'queue.summary', defaultMessage: 'Queue summary' },
  title: { id: 'queue.title', defaultMessage: '{name} · Floorwatch' },
  agents: {
    id: 'queue.agents',
    defaultMessage: '{count, plural, one {# agent} other {# agents}}',
  },
});

/** The queue's heading and figures. `headingRef`: focus lands on the heading when it opens. */
export function QueueSummary({
  queue,
  headingRef,
  actions,
}: {
  queue: Queue;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Tools beside the heading (saved views, the trend). */
  actions?: ReactNode;
}) {
  const intl = useI18n();
  return (
    <section
      aria-label={intl.formatMessage(M.region)}
      className="card live-data flex flex-col gap-3 p-4"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <title>{intl.formatMessage(M.title, { name: queue.name })}</title>
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 text-2xl font-semibold tracking-tight break-words"
        >
          {queue.name}
        </h1>
        <span className="text-sm text-muted">
          {skillText(queue.skillId, queue.mediaType)} ·{' '}
          {intl.formatMessage(M.agents, { count: queue.agents.length })}
        </span>
        {actions && <div className="ml-auto flex items-center gap-2 self-center">{actions}</div>}
      </div>
      <QueueKpis queue={queue} look={SUMMARY_LOOK} />
      <QueueDetails queue={queue} />
    </section>
  );
}
