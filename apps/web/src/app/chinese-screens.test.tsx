// The screens merged in from issue 12 (exceptions, limits, wall tiles) for a Chinese supervisor:
// the shared limits judged and worded in Chinese, counts with their measure words, reasons by the
// names a Chinese admin gave them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExceptionsPage } from '@/features/exceptions/components/exceptions-page';
import { WallTile } from '@/features/wall/components/wall-tile';
import { FULL_TILE } from '@/features/wall/lib/wall-fit';
import { useLiveStore } from '@/stores/live-store';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeAgent, makeQueue, makeSettings, makeSnapshot, T0 } from '../../test/fixtures';
import { useLocaleForTest } from '../../test/locale';

const settings = makeSettings({
  states: { idle: { warnSec: 60, critSec: 120 }, rest: { warnSec: 600, critSec: 900 } },
  reasons: [{ version: 1, code: 12, name: '午餐', limit: { warnSec: 1800, critSec: 3600 } }],
  groups: [{ version: 1, groupId: 3, name: '信用卡组' }],
});

const queue = makeQueue({
  skillId: 1,
  name: '信用卡服务',
  agents: ['2001', '2002', '2003'],
  counts: { idle: 2, rest: 1 },
  waiting: 3,
  longestWaitSec: 75,
  serviceLevel: 82,
  maxQueueSize: 100,
});

function show(ui: React.ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date'] });
  useLocaleForTest('zh-CN', 'Asia/Shanghai');
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(settings), { headers: { 'Content-Type': 'application/json' } }),
      ),
    ),
  );
  useLiveStore.getState().reset();
  useLiveStore.getState().applySnapshot(
    makeSnapshot({
      agents: [
        makeAgent({
          workno: '2001',
          name: '王芳',
          state: 'idle',
          stateSince: T0 - 200_000,
          skills: [1],
          groupId: 3,
        }),
        makeAgent({
          workno: '2002',
          name: '李伟',
          state: 'idle',
          stateSince: T0 - 90_000,
          skills: [1],
          groupId: 3,
        }),
        makeAgent({
          workno: '2003',
          name: '张敏',
          state: 'rest',
          status: 8,
          reason: 12,
          stateSince: T0 - 4000_000,
          skills: [1],
          groupId: 3,
        }),
      ],
      queues: [queue],
    }),
    T0,
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  useLocaleForTest('en', BROWSER_TIME_ZONE);
});

describe('for a Chinese supervisor', () => {
  it('lists exceptions worst first with the broken limit in Chinese', async () => {
    show(<ExceptionsPage />);
    expect(await screen.findByRole('heading', { level: 1, name: '异常' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '异常，最严重的在前' });
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const [first, second, third] = within(list).getAllByRole('listitem');
    // 王芳 is 3:20 into a 2:00 idle limit (1.7×), 张敏 1:06:40 into a 1 h lunch (1.1×), 李伟
    // past the warning only.
    expect(first).toHaveTextContent(
      /^王芳2001 · 信用卡组空闲严重3:20严重：空闲限值 2:00信用卡服务$/,
    );
    expect(second).toHaveTextContent('张敏');
    expect(second).toHaveTextContent('午餐');
    expect(second).toHaveTextContent('严重：午餐限值 1:00:00');
    expect(third).toHaveTextContent('李伟');
    expect(third).toHaveTextContent('预警：空闲限值 1:00');
    expect(screen.getByText('2 名超过严重限值')).toBeInTheDocument();
    expect(screen.getByText('1 名超过预警限值')).toBeInTheDocument();
  });

  it('shows a wall tile’s figures and marks in Chinese', async () => {
    show(<WallTile queue={queue} design={FULL_TILE} breach={null} />);
    const tile = screen.getByRole('article', { name: '信用卡服务' });
    await vi.waitFor(() => expect(tile).toHaveTextContent('2 名超过严重限值'));
    expect(tile).toHaveTextContent('排队数3');
    expect(tile).toHaveTextContent('最长等待1:15');
    expect(tile).toHaveTextContent('服务水平82%');
    expect(tile).toHaveTextContent('排队 3 / 100');
    expect(tile).toHaveTextContent('1 名超过预警限值');
  });
});
