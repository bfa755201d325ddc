import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeSnapshot, T0 } from '../../../../test/fixtures';
import { FreshnessIndicator, StaleBanner } from './freshness-indicator';

function renderIt() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <FreshnessIndicator />
      <StaleBanner />
    </QueryClientProvider>,
  );
}

describe('FreshnessIndicator', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    );
    useLiveStore.getState().reset();
  });

  it('says live, with no alert', () => {
    useLiveStore.getState().applySnapshot(makeSnapshot(), T0);
    useLiveStore.getState().setConnection('open');
    renderIt();
    expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
      'Live · updated 2 s ago',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says reconnecting with an alert banner when the stream drops', () => {
    useLiveStore.getState().applySnapshot(makeSnapshot(), T0);
    useLiveStore.getState().setConnection('reconnecting');
    renderIt();
    expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
      'Reconnecting…',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/not live/);
  });

  it('says the gateway is unreachable and shows a fatal error message', () => {
    useLiveStore.getState().applySnapshot(
      makeSnapshot({
        gateway: {
          status: 'error',
          lastSuccessAt: T0 - 60_000,
          error: {
            code: '300-001',
            message: 'No right to query agent information',
            category: 'no-right',
            fatal: true,
            at: T0,
          },
        },
      }),
      T0,
    );
    useLiveStore.getState().setConnection('open');
    renderIt();
    expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
      /^Gateway unreachable — data from \d\d:\d\d:\d\d$/,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('No right to query agent information');
  });
});
