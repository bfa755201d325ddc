import { useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { StateBadge } from '@/components/state-badge';
import { useAgentMap, useQueueMap } from '@/hooks/use-live';
import { defineMessages } from '@/i18n/messages';
import { listSeparator } from '@/lib/format';
import { queueAgentPath } from '@/lib/routes';
import { useI18n } from '@/stores/locale-store';
import { findAgents } from '../lib/find-agents';

const M = defineMessages({
  region: { id: 'find.results', defaultMessage: 'Agents found' },
  none: { id: 'find.none', defaultMessage: 'No signed-in agent matches “{query}”.' },
  more: {
    id: 'find.more',
    defaultMessage:
      '{total, plural, other {# agents match}}; the first {shown} are shown. Type more to narrow it down.',
  },
  found: {
    id: 'find.found',
    defaultMessage: '{total, plural, one {# agent found} other {# agents found}}',
  },
  in: { id: 'find.in', defaultMessage: 'in' },
  inQueue: { id: 'find.in-queue', defaultMessage: '{name} in {queue}' },
});

/** The agents found, each a link to its queue with the agent's detail open. */
export function AgentResults({ query }: { query: string }) {
  const deferred = useDeferredValue(query);
  const agents = useAgentMap();
  const queues = useQueueMap();
  const intl = useI18n();
  const { hits, total } = useMemo(
    () => findAgents(deferred, agents, queues),
    [deferred, agents, queues],
  );
  if (query.trim() === '') return null;
  return (
    <section
      aria-label={intl.formatMessage(M.region)}
      className="card live-data flex flex-col gap-2 p-3"
    >
      <p className="text-sm text-muted" aria-live="polite">
        {total === 0
          ? intl.formatMessage(M.none, { query: query.trim() })
          : total > hits.length
            ? intl.formatMessage(M.more, { total, shown: hits.length })
            : intl.formatMessage(M.found, { total })}
      </p>
      {hits.length > 0 && (
        <ul className="flex flex-col divide-y divide-line">
          {hits.map(({ agent, queues: qs }) => {
            const home = qs[0]!;
            return (
              <li key={agent.workno} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                <Link
                  to={queueAgentPath(home.skillId, agent.workno)}
                  className="font-medium text-accent underline-offset-2 hover:underline"
                >
                  {agent.name.trim() || agent.workno}{' '}
                  <span className="font-mono text-sm text-muted tabular">{agent.workno}</span>
                </Link>
                <StateBadge state={agent.state} mediaType={home.mediaType} />
                <span className="text-sm text-muted">
                  {intl.formatMessage(M.in)}{' '}
                  {qs.map((q, i) => (
                    <span key={q.skillId}>
                      {i > 0 && listSeparator()}
                      <Link
                        to={queueAgentPath(q.skillId, agent.workno)}
                        aria-label={intl.formatMessage(M.inQueue, {
                          name: agent.name.trim() || agent.workno,
                          queue: q.name,
                        })}
                        className="underline-offset-2 hover:underline"
                      >
                        {q.name}
                      </Link>
                    </span>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
