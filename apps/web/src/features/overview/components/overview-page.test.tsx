import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeAgent, makeQueue, makeSettings, makeSnapshot, T0 } from '../../../../test/fixtures';
import { OverviewPage } from './overview-page';

function Where() {
  const l = useLocation();
  return <output data-testid="where">{`${l.pathname}${l.search}`}</output>;
}

function json(body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

function renderOverview(query = '') {
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <MemoryRouter initialEntries={[`/${query}`]}>
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="*" element={null} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('OverviewPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    useLiveStore.getState().reset();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        if (url.includes('/api/v1/history')) {
          const skillIds = new URL(url, 'http://x').searchParams.get('skillIds') ?? '';
          return json({
            stepSec: 10,
            from: T0 - 3600_000,
            to: T0,
            queues: skillIds.split(',').map((id) => ({
              skillId: Number(id),
              points: [0, 1, 2].map((i) => ({
                t: T0 - (3 - i) * 600_000,
                counts: { talking: i, idle: 3 - i },
                waiting: i,
                longestWaitSec: 10 * i,
              })),
            })),
          });
        }
        return json(
          makeSettings({
            states: {
              talking: { warnSec: 60, critSec: 120 },
              rest: { warnSec: 30, critSec: 600 },
            },
          }),
        );
      }),
    );
    useLiveStore.getState().applySnapshot(
      makeSnapshot({
        agents: [
          makeAgent({
            workno: '2001',
            name: 'Amelia Hart',
            skills: [1, 2],
            state: 'talking',
            status: 7,
            stateSince: T0 - 200_000,
          }),
          makeAgent({
            workno: '2002',
            name: 'Ben Ode',
            skills: [2],
            state: 'rest',
            status: 8,
            stateSince: T0 - 40_000,
          }),
        ],
        queues: [
          makeQueue({
            skillId: 1,
            name: 'Billing',
            agents: ['2001'],
            counts: { talking: 1, idle: 0 },
            waiting: 0,
            longestWaitSec: 0,
          }),
          makeQueue({
            skillId: 2,
            name: 'Web Chat',
            mediaType: 53,
            agents: ['2001', '2002'],
            counts: { talking: 1, rest: 1, idle: 0 },
            waiting: 1,
            longestWaitSec: 5,
          }),
          makeQueue({
            skillId: 3,
            name: 'Night line',
            agents: [],
            counts: { idle: 0 },
            waiting: 0,
            longestWaitSec: 0,
          }),
        ],
      }),
      T0,
    );
  });
  afterEach(() => vi.useRealTimers());

  const tile = (name: string) => screen.getByRole('article', { name });

  it('says "Nobody signed in" on a queue with no agents', async () => {
    renderOverview();
    const night = tile('Night line');
    expect(night).toHaveTextContent('Nobody signed in');
    expect(night).not.toHaveTextContent('within time limits');
    // A staffed queue counts its agents past a limit once the limits are loaded.
    await vi.waitFor(() => expect(tile('Billing')).toHaveTextContent('1 past critical limit'));
  });

  it('shows critical in red and warning in amber, each with its own icon', async () => {
    renderOverview();
    const chat = tile('Web Chat');
    await vi.waitFor(() => expect(chat).toHaveTextContent('1 past critical limit'));
    const crit = within(chat).getByText('1 past critical limit');
    const warn = within(chat).getByText('1 past warning limit');
    expect(crit).toHaveClass('text-crit');
    expect(warn).toHaveClass('text-warn');
    const critIcon = crit.querySelector('svg');
    const warnIcon = warn.querySelector('svg');
    expect(critIcon?.innerHTML).not.toBe(warnIcon?.innerHTML);
  });

  it('a chat queue tile says "Chatting", not "Talking"', () => {
    renderOverview();
    const chat = tile('Web Chat');
    expect(within(chat).getByRole('list', { name: 'Agents by state' })).toHaveTextContent(
      'Chatting',
    );
    expect(within(chat).getByRole('list', { name: 'Agents by state' })).not.toHaveTextContent(
      'Talking',
    );
  });

  it('the trend line takes no tab stop: the tile link is its only focusable element', async () => {
    renderOverview();
    const billing = tile('Billing');
    await vi.waitFor(() => expect(billing.querySelector('svg path')).not.toBeNull());
    const focusable = billing.querySelectorAll(
      'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    expect([...focusable].map((e) => e.textContent)).toEqual(['Billing']);
  });

  it('sorts tiles by name and by longest wait, in the URL', async () => {
    renderOverview();
    const user = userEvent.setup({ advanceTimers: () => {} });
    const names = () =>
      screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
    expect(names()).toEqual(['Billing', 'Web Chat', 'Night line']);
    await user.selectOptions(screen.getByLabelText('Sort queues'), 'Name (A–Z)');
    expect(names()).toEqual(['Billing', 'Night line', 'Web Chat']);
    expect(screen.getByTestId('where')).toHaveTextContent('sort=name');
    await user.selectOptions(screen.getByLabelText('Sort queues'), 'Longest wait first');
    expect(names()).toEqual(['Web Chat', 'Billing', 'Night line']);
  });

  it('finds an agent across queues and jumps to the queue with the detail open', async () => {
    renderOverview();
    const user = userEvent.setup({ advanceTimers: () => {} });
    await user.type(screen.getByLabelText('Find an agent'), 'amelia');
    const found = await screen.findByRole('region', { name: 'Agents found' });
    expect(within(found).getByRole('link', { name: /Amelia Hart 2001/ })).toHaveAttribute(
      'href',
      '/queues/1?agent=2001',
    );
    expect(within(found).getByRole('link', { name: 'Amelia Hart in Web Chat' })).toHaveAttribute(
      'href',
      '/queues/2?agent=2001',
    );
    await user.keyboard('{Enter}');
    await vi.waitFor(() =>
      expect(screen.getByTestId('where')).toHaveTextContent('/queues/1?agent=2001'),
    );
  });

  it('finds by work number', async () => {
    renderOverview('?find=2002');
    const found = await screen.findByRole('region', { name: 'Agents found' });
    expect(within(found).getByRole('link', { name: /Ben Ode 2002/ })).toHaveAttribute(
      'href',
      '/queues/2?agent=2002',
    );
  });
});
