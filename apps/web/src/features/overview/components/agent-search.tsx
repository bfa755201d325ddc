import { useDeferredValue, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { StateBadge } from '@/components/state-badge';
import { FilterField, SearchInput } from '@/components/ui/filter-field';
import { queueAgentPath } from '@/lib/routes';
import { useLiveStore } from '@/stores/live-store';
import { findAgents } from '../lib/find-agents';

/** "Find an agent": a work number or name across every queue; Enter jumps to the first hit. */
export function AgentSearchField({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: string) => void;
}) {
  const navigate = useNavigate();
  return (
    <form
      role="search"
      aria-label="Agent search"
      className="w-full sm:w-auto"
      onSubmit={(e) => {
        e.preventDefault();
        const { agents, queues } = useLiveStore.getState();
        const first = findAgents(value, agents, queues, 1).hits[0];
        const queue = first?.queues[0];
        if (first && queue) void navigate(queueAgentPath(queue.skillId, first.agent.workno));
      }}
    >
      <FilterField id="ov-find" label="Find an agent">
        <SearchInput
          id="ov-find"
          widthClass="w-full sm:w-56"
          placeholder="Name or work number"
          value={value}
          onChange={onChange}
        />
      </FilterField>
    </form>
  );
}

/** The agents found, each a link to its queue with the agent's detail open. */
export function AgentResults({ query }: { query: string }) {
  const deferred = useDeferredValue(query);
  const agents = useLiveStore((s) => s.agents);
  const queues = useLiveStore((s) => s.queues);
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
