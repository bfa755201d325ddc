import type { GatewayHealth, Settings } from '@floorwatch/contracts/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatSignIn } from '@/lib/format';
import { useLiveStore } from '@/stores/live-store';
import { makeAgent, makeQueue, makeSettings, makeSnapshot, T0 } from '../../../../test/fixtures';
import type { WallParams } from '../lib/wall-params';
import { WallScreen } from './wall-screen';

const SETTINGS: Settings = {
  ...makeSettings({
    states: { wrapup: { warnSec: 120, critSec: 300 }, rest: { warnSec: 900, critSec: 1800 } },
  }),
  staleAfterMs: 10_000,
  release: 'test',
};

function renderWall(over: Partial<WallParams> = {}) {
  const params: WallParams = {
    queues: [],
    rotateSec: 15,
    view: 'tiles',
    token: null,
    badToken: false,
    sound: false,
    given: { queues: true, rotate: true, view: true },
    ...over,
  };
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <WallScreen params={params} />
    </QueryClientProvider>,
  );
}

/** Lets the settings answer arrive and the first page be picked. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(() => vi.advanceTimersByTimeAsync(10));
}

function load(gateway?: GatewayHealth) {
  useLiveStore.getState().applySnapshot(
    makeSnapshot({
      agents: [
        makeAgent({ workno: '1', name: 'Ada' }),
        makeAgent({ workno: '2', name: 'Bo', skills: [2] }),
        // 400 s in wrap-up: past the critical limit (300 s).
        makeAgent({
          workno: '3',
          name: 'Cy',
          state: 'wrapup',
          status: 5,
          stateSince: T0 - 400_000,
        }),
        // 1000 s at rest: past the warning limit (900 s), not the critical one (1800 s).
        makeAgent({
          workno: '4',
          name: 'Di',
          state: 'rest',
          status: 8,
          stateSince: T0 - 1_000_000,
        }),
      ],
      queues: [
        makeQueue({ skillId: 1, name: 'Billing', agents: ['1', '3', '4'] }),
        makeQueue({ skillId: 2, name: 'Sales', agents: ['2'] }),
      ],
      ...(gateway ? { gateway } : {}),
    }),
    T0,
  );
  useLiveStore.getState().setConnection('open');
}

// Role queries over a whole wall are slow in jsdom on a busy machine: a generous ceiling.
describe('WallScreen', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        String(url).endsWith('/api/v1/settings')
          ? Promise.resolve(
              new Response(JSON.stringify(SETTINGS), {
                headers: { 'content-type': 'application/json' },
              }),
            )
          : new Promise(() => {}),
      ),
    );
    useLiveStore.getState().reset();
  });
  afterEach(() => vi.useRealTimers());

  it('rotates through the chosen queues one at a time, saying which of how many', async () => {
    load();
    // Billing has an agent past a critical limit, so it comes first; then Sales, then Billing.
    renderWall({ queues: [2, 1], rotateSec: 20, view: 'queue' });
    await settle();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Billing');
    expect(screen.getByText('Queue 1 of 2')).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Agents in Billing, longest in state first' }),
    ).toHaveTextContent('Ada');
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sales');
    expect(screen.getByText('Queue 2 of 2')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Billing');
  });

  it('shows every queue as a tile, with the figures of all of them', async () => {
    load();
    renderWall();
    await settle();
    expect(screen.getByRole('article', { name: 'Billing' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Sales' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    const all = screen.getByRole('region', { name: 'All queues on this display' });
    expect(within(all).getByRole('group', { name: 'Signed in' })).toHaveTextContent('4');
    // One page: no page count in the header.
    expect(screen.queryByText(/^Page \d+ of \d+$/)).not.toBeInTheDocument();
  });

  it('marks critical in red with its own icon, and warning in amber with another', async () => {
    load();
    renderWall();
    await settle();
    const tile = screen.getByRole('article', { name: 'Billing' });
    const crit = within(tile).getByText('1 past critical limit').closest('[data-level]');
    const warn = within(tile).getByText('1 past warning limit').closest('[data-level]');
    expect(crit).toHaveAttribute('data-level', 'crit');
    expect(warn).toHaveAttribute('data-level', 'warn');
    expect(within(crit as HTMLElement).getByTitle('Critical')).toBeInTheDocument();
    expect(within(warn as HTMLElement).queryByTitle('Critical')).not.toBeInTheDocument();
    expect(within(warn as HTMLElement).getByTitle('Warning')).toBeInTheDocument();
    expect((crit as HTMLElement).style.background).not.toBe((warn as HTMLElement).style.background);
    expect(tile).toHaveAttribute('data-critical', 'true');
    expect(screen.getByRole('article', { name: 'Sales' })).not.toHaveAttribute('data-critical');
  });

  it.each([
    ['connect ECONNREFUSED 127.0.0.1:8043', 'ECONNREFUSED', 'transport'],
    ['socket hang up', 'ECONNRESET', 'transport'],
    ['no answer within 10000 ms', 'TIMEOUT', 'transport'],
  ])(
    'says "%s" in plain words, without the code or the detail',
    async (message, code, category) => {
      const last = T0 - 120_000;
      load({
        status: 'error',
        lastSuccessAt: last,
        error: { code, message, category, fatal: false, at: T0 },
      });
      renderWall();
      await settle();
      const since = formatSignIn(last, T0);
      expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
        `Can't reach the phone system since ${since}`,
      );
      expect(screen.getByRole('alert')).toHaveTextContent(`The figures shown are from ${since}`);
      expect(document.body).not.toHaveTextContent(message);
      expect(document.body).not.toHaveTextContent(code);
    },
  );

  it('names a missing right and asks for an administrator', async () => {
    load({
      status: 'error',
      lastSuccessAt: T0 - 60_000,
      error: {
        code: '300-001',
        message: 'No right to query agent information',
        category: 'no-right',
        fatal: true,
        at: T0,
      },
    });
    renderWall();
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(
      /No permission to read agent data since .*An administrator must act\./,
    );
    expect(document.body).not.toHaveTextContent('300-001');
  });
});
