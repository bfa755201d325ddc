import type { Queue } from '@floorwatch/contracts/api';
import { InfoIcon } from '@/components/icons-more';
import { formatPercent, noneText } from '@/hooks/use-queue-kpis';
import { useClockOffset } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { formatCount, formatSignIn } from '@/lib/format';
import { useI18n } from '@/stores/locale-store';

/** The two gateway counts may differ for a poll or two; a minute means they see different things. */
export const MISMATCH_AFTER_MS = 60_000;

const count = (n: number | null) => (n === null ? noneText() : formatCount(n));

const M = defineMessages({
  region: { id: 'queue-details.region', defaultMessage: 'Queue details' },
  loggedOn: {
    id: 'queue-details.logged-on',
    defaultMessage: 'Signed in, as the queue counts them:',
  },
  available: { id: 'queue-details.available', defaultMessage: 'Available:' },
  idleRate: { id: 'queue-details.idle-rate', defaultMessage: 'Idle rate:' },
  sizeLimit: { id: 'queue-details.size-limit', defaultMessage: 'Queue size limit:' },
  notGiven: {
    id: 'queue-details.not-given',
    defaultMessage: 'Abandoned, handled and average handling time:',
  },
  notAvailable: {
    id: 'queue-details.not-available',
    defaultMessage: 'not available from this gateway',
  },
  mismatch: {
    id: 'queue-details.mismatch',
    defaultMessage:
      "The gateway's two counts of signed-in agents disagree since {time}: its queue statistics count {queueCount}, its agent list shows {listCount}. The two calls see different things; the list below is the agent list.",
  },
});

/**
 * The queue statistics beyond the headline figures, in words: what the gateway's queue call
 * counts, and what it does not give at all (docs/gateway.md §Queue statistics).
 */
export function QueueDetails({ queue }: { queue: Queue }) {
  const serverNow = useServerNow(queue.agentCountMismatchSince !== null);
  const offset = useClockOffset();
  const since = queue.agentCountMismatchSince;
  const mismatch = since !== null && serverNow - since >= MISMATCH_AFTER_MS;
  const intl = useI18n();
  return (
    <section aria-label={intl.formatMessage(M.region)} className="flex flex-col gap-1.5 text-sm">
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-muted">
        <div className="flex gap-1.5">
          <dt>{intl.formatMessage(M.loggedOn)}</dt>
          <dd className="font-medium text-fg tabular">{count(queue.loggedOnAgents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{intl.formatMessage(M.available)}</dt>
          <dd className="font-medium text-fg tabular">{count(queue.availAgents)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{intl.formatMessage(M.idleRate)}</dt>
          <dd className="font-medium text-fg tabular">{formatPercent(queue.resourceIdleRate)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{intl.formatMessage(M.sizeLimit)}</dt>
          <dd className="font-medium text-fg tabular">{count(queue.maxQueueSize)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{intl.formatMessage(M.notGiven)}</dt>
          <dd className="font-medium text-fg">{intl.formatMessage(M.notAvailable)}</dd>
        </div>
      </dl>
      {mismatch && (
        <p className="flex items-start gap-1.5 text-muted" data-testid="count-mismatch">
          <InfoIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <span>
            {intl.formatMessage(M.mismatch, {
              time: formatSignIn(since - offset, serverNow - offset),
              queueCount: count(queue.loggedOnAgents),
              listCount: formatCount(queue.agents.length),
            })}
          </span>
        </p>
      )}
    </section>
  );
}
