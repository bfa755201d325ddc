import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeAgent, makeQueue, makeSnapshot } from '../../../../test/fixtures';
import { WallScreen } from './wall-screen';

function renderWall(queues: number[], rotateSec: number) {
  return render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <WallScreen
        params={{ queues, rotateSec, token: null }}
        freshness={<span>fresh</span>}
        banner={null}
      />
    </QueryClientProvider>,
  );
}

describe('WallScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    );
    useLiveStore.getState().reset();
    useLiveStore.getState().applySnapshot(
      makeSnapshot({
        agents: [
          makeAgent({ workno: '1', name: 'Ada' }),
          makeAgent({ workno: '2', name: 'Bo', skills: [2] }),
        ],
        queues: [
          makeQueue({ skillId: 1, name: 'Billing', agents: ['1'] }),
          makeQueue({ skillId: 2, name: 'Sales', agents: ['2'] }),
        ],
      }),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('rotates through the chosen queues every `rotate` seconds', async () => {
    renderWall([1, 2], 20);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Billing');
    expect(screen.getByLabelText('Queue 1 of 2')).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Agents in Billing, longest in state first' }),
    ).toHaveTextContent('Ada');
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sales');
    expect(screen.getByLabelText('Queue 2 of 2')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Billing');
  });

  it('shows every queue as a tile without rotation', () => {
    renderWall([], 0);
    expect(screen.getByRole('article', { name: 'Billing' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Sales' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });
});
