import type { Queue } from '@floorwatch/contracts/api';
import { skillMediaLabel } from '@floorwatch/contracts/gateway';
import type { Ref } from 'react';
import { StateBar } from '@/components/state-bar';
import { StateIcon } from '@/components/state-icon';
import { formatSeconds } from '@/lib/format';
import { STATE_ORDER, stateColor, stateLabel } from '@/lib/states';

/** The queue's heading and figures. `headingRef`: focus lands on the heading when it opens. */
export function QueueSummary({
  queue,
  headingRef,
}: {
  queue: Queue;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const total = queue.agents.length;
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
          Skill {queue.skillId} · {skillMediaLabel(queue.mediaType)} · {total} agent
          {total === 1 ? '' : 's'}
        </span>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-3">
        <div className="flex flex-col">
          <dt className="text-xs font-semibold tracking-wide text-muted uppercase">Waiting</dt>
          <dd className="text-2xl font-semibold tabular">{queue.waiting ?? '—'}</dd>
        </div>
        <div className="flex flex-col">
          <dt className="text-xs font-semibold tracking-wide text-muted uppercase">Longest wait</dt>
          <dd className="text-2xl font-semibold tabular">{formatSeconds(queue.longestWaitSec)}</dd>
        </div>
        <div className="mx-1 hidden w-px self-stretch bg-line sm:block" aria-hidden="true" />
        {STATE_ORDER.filter(
          (s) => (queue.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking',
        ).map((s) => (
          <div key={s} className="flex flex-col">
            <dt className="flex items-center gap-1 text-xs font-semibold tracking-wide text-muted uppercase">
              <span style={{ color: stateColor(s) }}>
                <StateIcon state={s} className="h-3.5 w-3.5" />
              </span>
              {stateLabel(s, queue.mediaType)}
            </dt>
            <dd className="text-2xl font-semibold tabular">{queue.counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <StateBar counts={queue.counts} className="h-2" mediaType={queue.mediaType} />
    </section>
  );
}
