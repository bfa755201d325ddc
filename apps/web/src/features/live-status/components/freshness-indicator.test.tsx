import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useClockStore } from '@/stores/clock-store';
import { useLiveStore } from '@/stores/live-store';
import { healthy, makeSnapshot, T0 } from '../../../../test/fixtures';
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

  it('stays live on a quiet floor: heartbeats carry the last successful poll', () => {
    // Nothing changes for a minute, so no patch comes; the BFF polls successfully every 2 s and
    // says so in each heartbeat.
    useLiveStore
      .getState()
      .applySnapshot(makeSnapshot({ gateway: { ...healthy, lastSuccessAt: T0 } }), T0);
    useLiveStore.getState().setConnection('open');
    renderIt();
    for (let t = T0 + 2000; t <= T0 + 60_000; t += 2000) {
      act(() => {
        vi.setSystemTime(t);
        useClockStore.setState({ now: t });
        useLiveStore
          .getState()
          .applyHeartbeat({ serverTime: t, version: 10, lastSuccessAt: t - 300 }, t);
      });
    }
    expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
      'Live · updated 0 s ago',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says in plain words that the phone system is out of reach; the detail is in a disclosure', () => {
    useLiveStore.getState().applySnapshot(
      makeSnapshot({
        gateway: {
          status: 'stale',
          lastSuccessAt: T0 - 60_000,
          error: {
            code: 'NETWORK',
            message: 'connect ECONNREFUSED 127.0.0.1:8043',
            category: 'transport',
            fatal: false,
            at: T0,
          },
        },
      }),
      T0,
    );
    useLiveStore.getState().setConnection('open');
    renderIt();
    const status = screen.getByRole('status', { name: 'Data freshness' });
    expect(status).toHaveTextContent(/^Can't reach the phone system since \d\d:\d\d$/);
    expect(status).not.toHaveTextContent(/ECONNREFUSED/);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/Can't reach the phone system/);
    const details = screen.getByText('Technical details').closest('details');
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('Code NETWORK: connect ECONNREFUSED 127.0.0.1:8043');
  });

  it('names a permissions error, and a wall banner shows no code or detail', () => {
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
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <FreshnessIndicator variant="wall" />
        <StaleBanner variant="wall" />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('status', { name: 'Data freshness' })).toHaveTextContent(
      /^No permission to read agent data/,
    );
    const alert = screen.getByRole('alert');
    expect(alert).not.toHaveTextContent(/300-001|No right to query|unreachable/i);
    expect(screen.queryByText('Technical details')).not.toBeInTheDocument();
  });
});
