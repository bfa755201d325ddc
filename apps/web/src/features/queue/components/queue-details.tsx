import type { Queue } from '@floorwatch/contracts/api';
import { InfoIcon } from '@/components/icons-more';
import { NONE } from '@/hooks/use-queue-kpis';
import { useClockOffset } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { formatCount, formatSignIn } from '@/lib/format';

/** The two gateway counts may differ for a poll or two; a minute means they see different things. */
export const MISMATCH_AFTER_MS = 60_000;

const count = (n: number | null) => (n === null ? NONE : formatCount(n));

/**
 * The queue statistics beyond the headline figures, in words: what the gateway's queue call
 * counts, and what it does not give at all (docs/gateway.md §Queue statistics).
 */
export function QueueDetails({ queue }: { queue: Queue }) {
  const serverNow = useServerNow(queue.agentCountMismatchSince !== null);
  const offset = useClockOffset();
  const since = queue.agentCountMismatchSince;
  const mismatch = since !== null && serverNow - since >= MISMATCH_AFTER_MS;
  return (
    <section aria-label="Queue details" className="flex flex-col gap-1.5 text-sm">
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-muted">
        <div className="flex gap-1.5">
          <dt>Signed in, as the queue counts them:</dt>
          <dd className="font-medium text-fg tabular">{count(queue.loggedOnAgents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Available:</dt>
          <dd className="font-medium text-fg tabular">{count(queue.availAgents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Idle rate:</dt>
          <dd className="font-medium text-fg tabular">
            {queue.resourceIdleRate === null ? NONE : `${Math.round(queue.resourceIdleRate)}%`}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Queue size limit:</dt>
          <dd className="font-medium text-fg tabular">{count(queue.maxQueueSize)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Abandoned, handled and average handling time:</dt>
          <dd className="font-medium text-fg">not available from this gateway</dd>
        </div>
      </dl>
      {mismatch && (
        <p className="flex items-start gap-1.5 text-muted" data-testid="count-mismatch">
          <InfoIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            The gateway&apos;s two counts of signed-in agents disagree since{' '}
            {formatSignIn(since - offset, serverNow - offset)}: its queue statistics count{' '}
            {count(queue.loggedOnAgents)}, its agent list shows {formatCount(queue.agents.length)}.
            The two calls see different things; the list below is the agent list.
          </span>
        </p>
      )}
    </section>
  );
}
