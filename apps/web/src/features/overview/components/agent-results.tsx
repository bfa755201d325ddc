import { useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { StateBadge } from '@/components/state-badge';
import { useAgentMap, useQueueMap } from '@/hooks/use-live';
import { queueAgentPath } from '@/lib/routes';
import { findAgents } from '../lib/find-agents';

/** The agents found, each a link to its queue with the agent's detail open. */
export function AgentResults({ query }: { query: string }) {
  const deferred = useDeferredValue(query);
  const agents = useAgentMap();
  const queues = useQueueMap();
  const { hits, total } = useMemo(
    () => findAgents(deferred, agents, queues),
    [deferred, agents, queues],
  );
  if (query.trim() === '') return null;
  return (
    <section aria-label="Agents found" className="card live-data flex flex-col gap-2 p-3">
      <p className="text-sm text-muted" aria-live="polite">
        {total === 0
          ? `No signed-in agent matches “${query.trim()}”.`
          : total > hits.length
            ? `${total} agents match; the first ${hits.length} are shown. Type more to narrow it down.`
            : `${total} agent${total === 1 ? '' : 's'} found`}
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
                  in{' '}
                  {qs.map((q, i) => (
                    <span key={q.skillId}>
                      {i > 0 && ', '}
                      <Link
                        to={queueAgentPath(q.skillId, agent.workno)}
                        aria-label={`${agent.name.trim() || agent.workno} in ${q.name}`}
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
