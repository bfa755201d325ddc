import type { Queue } from '@floorwatch/contracts/api';
import { skillMediaLabel } from '@floorwatch/contracts/gateway';
import type { ReactNode, Ref } from 'react';
import { QueueKpis } from '@/components/queue-kpis';
import { SUMMARY_LOOK } from '@/components/queue-kpi-looks';
import { plural } from '@/lib/format';
import { QueueDetails } from './queue-details';

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
  return (
    <section aria-label="Queue summary" className="card live-data flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <title>{`${queue.name} · Floorwatch`}</title>
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 text-2xl font-semibold tracking-tight break-words"
        >
          {queue.name}
        </h1>
        <span className="text-sm text-muted">
          Skill {queue.skillId} · {skillMediaLabel(queue.mediaType)} ·{' '}
          {plural(queue.agents.length, 'agent')}
        </span>
        {actions && <div className="ml-auto flex items-center gap-2 self-center">{actions}</div>}
      </div>
      <QueueKpis queue={queue} look={SUMMARY_LOOK} />
      <QueueDetails queue={queue} />
    </section>
  );
}
