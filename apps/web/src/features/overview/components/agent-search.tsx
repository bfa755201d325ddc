import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { FilterField, SearchInput } from '@/components/ui/filter-field';
import { readLive } from '@/hooks/use-live';
import { defineMessages } from '@/i18n/messages';
import { queueAgentPath } from '@/lib/routes';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  region: { id: 'find.region', defaultMessage: 'Agent search' },
  label: { id: 'find.label', defaultMessage: 'Find an agent' },
  placeholder: { id: 'find.placeholder', defaultMessage: 'Name or work number' },
});

// The search itself is loaded when someone first types (the overview's first load stays small).
const LazyResults = lazy(async () => ({ default: (await import('./agent-results')).AgentResults }));

/** "Find an agent": a work number or name across every queue; Enter jumps to the first hit. */
export function AgentSearchField({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: string) => void;
}) {
  const navigate = useNavigate();
  const intl = useI18n();
  return (
    <form
      role="search"
      aria-label={intl.formatMessage(M.region)}
      className="w-full sm:w-auto"
      onSubmit={(e) => {
        e.preventDefault();
        const { agents, queues } = readLive();
        void import('../lib/find-agents').then(({ findAgents }) => {
          const first = findAgents(value, agents, queues, 1).hits[0];
          const queue = first?.queues[0];
          if (first && queue) void navigate(queueAgentPath(queue.skillId, first.agent.workno));
        });
      }}
    >
      <FilterField id="ov-find" label={intl.formatMessage(M.label)}>
        <SearchInput
          id="ov-find"
          widthClass="w-full sm:w-56"
          placeholder={intl.formatMessage(M.placeholder)}
          value={value}
          onChange={onChange}
        />
      </FilterField>
    </form>
  );
}

/** The agents found (nothing until someone types). */
export function AgentResults({ query }: { query: string }) {
  if (query.trim() === '') return null;
  return (
    <Suspense fallback={null}>
      <LazyResults query={query} />
    </Suspense>
  );
}
