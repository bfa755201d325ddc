import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeAgent, makeQueue, makeSnapshot, T0 } from '../../../../test/fixtures';
import { QueuePage } from './queue-page';

function LocationProbe() {
  const l = useLocation();
  return <output data-testid="search">{l.search}</output>;
}

function renderQueue(skillId: number, query = '') {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[`/queues/${skillId}${query}`]}>
        <Routes>
          <Route
            path="/queues/:id"
            element={
              <>
                <QueuePage skillId={skillId} />
                <LocationProbe />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const ada = makeAgent({
  workno: '1001',
  name: 'Ada Lovelace',
  state: 'talking',
  status: 7,
  ctiStatus: 5,
  stateSince: T0 - 65_000,
  loginAt: T0 - 3 * 3600_000 - 12 * 60_000,
  skills: [1, 2],
  phone: '70001',
  groupId: 7,
  vdnId: 214,
});
const bob = makeAgent({ workno: '1002', name: 'Bob Byte', skills: [1] });

function load(mediaType = 5) {
  useLiveStore.getState().applySnapshot(
    makeSnapshot({
      agents: [ada, bob],
      queues: [
        makeQueue({
          skillId: 1,
          name: 'Billing',
          mediaType,
          agents: ['1001', '1002'],
          counts: { talking: 1, idle: 1 },
        }),
        makeQueue({ skillId: 2, name: 'Sales', agents: ['1001'], counts: { talking: 1 } }),
        makeQueue({ skillId: 3, name: 'Empty', agents: [], counts: { idle: 0 } }),
      ],
    }),
    T0,
  );
}

/** jsdom has no layout: pretend the viewport is `width` px for matchMedia width queries. */
function viewport(width: number) {
  vi.stubGlobal(
    'matchMedia',
    (q: string) =>
      ({
        matches:
          /max-width:\s*([\d.]+)px/.test(q) &&
          width <= Number(/max-width:\s*([\d.]+)px/.exec(q)?.[1]),
        media: q,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
}

describe('QueuePage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    useLiveStore.getState().reset();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ thresholds: {}, pollMs: 2000, staleAfterMs: 30000, release: 'r1' }),
            { status: 200, headers: { 'Content-Type': 'application/json' } },
          ),
        ),
      ),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('moves focus to the queue heading when it opens', () => {
    load();
    renderQueue(1);
    expect(screen.getByRole('heading', { name: 'Billing', level: 1 })).toHaveFocus();
  });

  it('clicking a row opens the agent detail with every field, in the URL; Close closes it', async () => {
    load();
    renderQueue(1);
    const user = userEvent.setup({ advanceTimers: () => {} });
    const row = screen.getByRole('row', { name: /Ada Lovelace/ });
    await user.click(within(row).getByRole('cell', { name: '1001' }));
    expect(screen.getByTestId('search')).toHaveTextContent('?agent=1001');
    const dialog = screen.getByRole('dialog', { name: 'Ada Lovelace' });
    expect(dialog).toHaveTextContent('Work no. 1001');
    expect(dialog).toHaveTextContent('Talking');
    expect(dialog).toHaveTextContent('1:05');
    expect(dialog).toHaveTextContent(/signed in for 3 h 12 min/);
    expect(dialog).toHaveTextContent('70001');
    expect(dialog).toHaveTextContent('214');
    expect(within(dialog).getByLabelText('Chat: not signed in')).toBeInTheDocument();
    // Queues by name; the other one is a link to the same agent there.
    expect(dialog).toHaveTextContent('Billing (this queue)');
    expect(within(dialog).getByRole('link', { name: 'Sales' })).toHaveAttribute(
      'href',
      '/queues/2?agent=1001',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('');
  });

  it('Enter on a row opens its detail', async () => {
    load();
    renderQueue(1);
    const user = userEvent.setup({ advanceTimers: () => {} });
    const row = screen.getByRole('row', { name: /Bob Byte/ });
    within(row).getByRole('button', { name: 'Bob Byte' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog', { name: 'Bob Byte' })).toBeInTheDocument();
  });

  it('opens with a detail from the URL', () => {
    load();
    renderQueue(1, '?agent=1002');
    expect(screen.getByRole('dialog', { name: 'Bob Byte' })).toBeInTheDocument();
  });

  it('a chat queue says "Chatting", an email queue "Handling email", not "Talking"', () => {
    load(1);
    const { unmount } = renderQueue(1);
    const row = screen.getByRole('row', { name: /Ada Lovelace/ });
    expect(row).toHaveTextContent('Chatting');
    expect(row).not.toHaveTextContent('Talking');
    expect(screen.getByRole('region', { name: 'Queue summary' })).toHaveTextContent('Chatting');
    unmount();
    useLiveStore.getState().reset();
    load(6);
    renderQueue(1);
    expect(screen.getByRole('row', { name: /Ada Lovelace/ })).toHaveTextContent('Handling email');
  });

  it('below 640 px shows each agent as a card: name, state, time in state, media', async () => {
    viewport(390);
    load();
    renderQueue(1);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Agents' });
    const cards = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(cards).toHaveLength(2);
    const card = cards.find((c) => c.textContent?.includes('Ada Lovelace'))!;
    expect(card).toHaveTextContent('Talking');
    expect(card).toHaveTextContent('1:05');
    expect(within(card).getByLabelText('Voice/video: signed in')).toBeInTheDocument();
    const user = userEvent.setup({ advanceTimers: () => {} });
    await user.click(within(card).getByRole('button', { name: 'Ada Lovelace' }));
    expect(screen.getByRole('dialog', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });

  it('keeps the table at desk width', () => {
    viewport(1440);
    load();
    renderQueue(1);
    expect(screen.getByRole('table', { name: 'Agents' })).toBeInTheDocument();
  });

  it('a detail for an agent who signed out says so', () => {
    load();
    renderQueue(1, '?agent=1002');
    act(() => {
      useLiveStore.getState().applyPatch(
        {
          baseVersion: 10,
          version: 11,
          serverTime: T0 + 1000,
          gateway: { status: 'ok', lastSuccessAt: T0, error: null },
          agents: [],
          queues: [],
          removedAgents: ['1002'],
          removedQueues: [],
        },
        T0 + 1000,
      );
    });
    expect(screen.getByRole('dialog')).toHaveTextContent(/not signed in to the phone system now/);
  });
});
