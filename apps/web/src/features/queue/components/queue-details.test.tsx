import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeQueue, T0 } from '../../../../test/fixtures';
import { QueueDetails } from './queue-details';

describe('QueueDetails', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    useLiveStore.getState().reset();
  });

  it('says "none" for what the gateway leaves out and names what it never gives', () => {
    render(<QueueDetails queue={makeQueue({ loggedOnAgents: null, maxQueueSize: null })} />);
    const details = screen.getByRole('region', { name: 'Queue details' });
    expect(details).toHaveTextContent('Signed in, as the queue counts them:none');
    expect(details).toHaveTextContent('Queue size limit:none');
    expect(details).toHaveTextContent(
      'Abandoned, handled and average handling time:not available from this gateway',
    );
    expect(details).not.toHaveTextContent('65535');
  });

  it('warns quietly only when the two agent counts disagree for a minute or more', () => {
    const { rerender } = render(
      <QueueDetails
        queue={makeQueue({ loggedOnAgents: 3, agentCountMismatchSince: T0 - 30_000 })}
      />,
    );
    expect(screen.queryByTestId('count-mismatch')).toBeNull();
    rerender(
      <QueueDetails
        queue={makeQueue({ loggedOnAgents: 3, agentCountMismatchSince: T0 - 61_000 })}
      />,
    );
    expect(screen.getByTestId('count-mismatch')).toHaveTextContent(
      'its queue statistics count 3, its agent list shows 1',
    );
  });
});
