import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { NO_NAMES } from '@/lib/floor-names';
import { EMPTY_POLICY, limitsPolicy } from '@/lib/limits';
import { makeAgent, makeQueue, makeSettings, makeSnapshot, T0 } from '../../../../test/fixtures';
import { DEFAULT_COLUMNS } from '../lib/columns';
import { AgentGrid } from './agent-grid';
import { QueuePage } from './queue-page';

const agents = [
  makeAgent({ workno: '1001', name: 'Ada Lovelace', stateSince: T0 - 65_000 }),
  makeAgent({
    workno: '1002',
    name: '',
    state: 'talking',
    status: 7,
    stateSince: T0 - 3_725_000,
    media: { voice: true, chat: true, email: false },
    skills: [1, 4, 9],
    reason: 0,
  }),
];

describe('AgentGrid', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    useLiveStore.getState().reset();
  });

  it('is a table named "Agents" with column headers, rows and cells', () => {
    render(
      <AgentGrid
        items={agents.map((agent) => ({ kind: 'agent' as const, agent }))}
        cols={DEFAULT_COLUMNS}
        sort="timeInState"
        dir="desc"
        onSort={() => {}}
        skillId={1}
        mediaType={5}
        onOpen={() => {}}
        policy={limitsPolicy(
          makeSettings({ states: { talking: { warnSec: 600, critSec: 1800 } } }),
        )}
        names={NO_NAMES}
        empty="none"
      />,
    );
    const table = screen.getByRole('table', { name: 'Agents' });
    expect(table).toHaveAttribute('aria-rowcount', '3');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Name',
      'Work no.',
      'State',
      'Time in state',
      'Signed in',
      'Media',
      'Phone',
      'Group',
      'Reason',
      'Other queues',
    ]);
    expect(within(table).getByRole('columnheader', { name: /Time in state/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const second = rows[2]!;
    expect(second).toHaveAttribute('aria-rowindex', '3');
    // A nameless agent shows the work number as its name.
    expect(within(second).getByRole('rowheader')).toHaveTextContent('1002');
    expect(second).toHaveTextContent('Talking');
    expect(second).toHaveTextContent('1:02:05');
    expect(second).toHaveTextContent('also in 2 queues');
    // Media badges are readable without colour.
    expect(within(second).getByLabelText('Chat: signed in')).toBeInTheDocument();
    expect(within(second).getByLabelText('Email: not signed in')).toBeInTheDocument();
    // Past the critical limit: icon and a meter, not just colour.
    expect(within(second).getByTitle('Critical')).toBeInTheDocument();
    expect(within(second).getByRole('meter')).toHaveAttribute('aria-valuenow', '100');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Ada Lovelace');
    expect(rows[1]).toHaveTextContent('1:05');
  });

  it('calls onSort from the header buttons', async () => {
    vi.useRealTimers();
    const onSort = vi.fn();
    render(
      <AgentGrid
        items={agents.map((agent) => ({ kind: 'agent' as const, agent }))}
        cols={['name', 'state']}
        sort="name"
        dir="asc"
        onSort={onSort}
        skillId={1}
        mediaType={5}
        onOpen={() => {}}
        policy={EMPTY_POLICY}
        names={NO_NAMES}
        empty="none"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'State' }));
    expect(onSort).toHaveBeenCalledWith('state');
  });

  it('renders only the rows in view for a large queue, with their row index', () => {
    // jsdom has no layout: give the scroll container a viewport of 800 px.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ width: 1000, height: 800 }),
    );
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(800);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    const many = Array.from({ length: 3000 }, (_, i) => makeAgent({ workno: String(10000 + i) }));
    render(
      <AgentGrid
        items={many.map((agent) => ({ kind: 'agent' as const, agent }))}
        cols={['name', 'workno']}
        sort="workno"
        dir="asc"
        onSort={() => {}}
        skillId={1}
        mediaType={5}
        onOpen={() => {}}
        policy={EMPTY_POLICY}
        names={NO_NAMES}
        empty="none"
      />,
    );
    const table = screen.getByRole('table', { name: 'Agents' });
    expect(table).toHaveAttribute('aria-rowcount', '3001');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeLessThan(200);
    expect(rendered).toBeGreaterThan(10);
    const last = within(table).getAllByRole('row').at(-1)!;
    expect(Number(last.getAttribute('aria-rowindex'))).toBe(rendered);
  });
});

function LocationProbe() {
  const l = useLocation();
  return <output data-testid="search">{l.search}</output>;
}

describe('QueuePage', () => {
  beforeEach(() => {
    useLiveStore.getState().reset();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              limits: {
                version: 1,
                states: {},
                kpi: { waiting: null, longestWaitSec: null, serviceLevelPct: null },
              },
              queueLimits: [],
              reasons: [],
              groups: [],
              pollMs: 2000,
              staleAfterMs: 30000,
              release: 'r1',
              wall: null,
            }),
            {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
            },
          ),
        ),
      ),
    );
  });

  it('filters by search through the URL and shows the queue summary', async () => {
    useLiveStore.getState().applySnapshot(
      makeSnapshot({
        agents,
        queues: [
          makeQueue({
            agents: ['1001', '1002'],
            counts: { idle: 1, talking: 1 },
            waiting: null,
            longestWaitSec: null,
          }),
        ],
      }),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter initialEntries={['/queues/1?state=talking']}>
          <Routes>
            <Route
              path="/queues/:id"
              element={
                <>
                  <QueuePage skillId={1} />
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Billing' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Queue summary' })).toHaveTextContent(
      'Calls waitingnone',
    );
    expect(screen.getByLabelText('State')).toHaveValue('talking');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('State'), '');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    await userEvent.type(screen.getByLabelText('Search agents'), 'ada');
    expect(screen.getByTestId('search')).toHaveTextContent('?q=ada');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /Export CSV/ })).toBeEnabled();
  });
});
