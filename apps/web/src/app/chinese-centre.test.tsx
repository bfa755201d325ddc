// A Chinese centre's names, from the bytes of the stream to the screen: the BFF's own test proves
// the gateway's bytes reach the browser unchanged (apps/bff/test/component/chinese-centre.test.ts);
// this one takes the stream message as UTF-8 bytes, lets the browser's decoding, the stream check
// and the live store do their work, and reads every name back off the overview and the queue
// grid, byte for byte — in Chinese, with the site's zone.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverviewPage } from '@/features/overview/components/overview-page';
import { QueuePage } from '@/features/queue/components/queue-page';
import { connectLiveStream } from '@/lib/live-stream';
import { useLiveStore } from '@/stores/live-store';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeAgent, makeQueue, makeSettings, makeSnapshot, T0 } from '../../test/fixtures';
import { useLocaleForTest } from '../../test/locale';

// Names a Chinese gateway sends: common and rare surnames, a character outside the BMP (𠮷, a
// surrogate pair in UTF-16), a middle dot in a Uyghur name, full-width brackets and digits.
const QUEUES = ['信用卡服务', '个人贷款（VIP）', '理财热线２号'];
const AGENTS = ['王芳', '欧阳娜娜', '𠮷野·阿卜杜拉', '阿依古丽·买买提', '龘龘'];

const agents = AGENTS.map((name, i) =>
  makeAgent({ workno: String(1001 + i), name, skills: [1], stateSince: T0 - (i + 1) * 61_000 }),
);
const payload = makeSnapshot({
  agents,
  queues: QUEUES.map((name, i) =>
    makeQueue({
      skillId: i + 1,
      name,
      agents: i === 0 ? agents.map((a) => a.workno) : [],
      counts: { idle: i === 0 ? agents.length : 0 },
    }),
  ),
});

class ByteSource extends EventTarget {
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readyState = 1;
  close() {}
  /** Sends `bytes` as EventSource does: the body is decoded as UTF-8 before a listener sees it. */
  send(type: string, bytes: Uint8Array) {
    this.dispatchEvent(new MessageEvent(type, { data: new TextDecoder('utf-8').decode(bytes) }));
  }
}

const utf8 = (s: string) => Array.from(new TextEncoder().encode(s));

function json(body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }),
  );
}

function show(path: string) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="/queues/1" element={<QueuePage skillId={1} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

let stop = () => {};

beforeEach(() => {
  useLocaleForTest('zh-CN', 'Asia/Shanghai');
  useLiveStore.getState().reset();
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      url.includes('/api/v1/history')
        ? json({ stepSec: 10, from: T0 - 3600_000, to: T0, queues: [] })
        : json(makeSettings()),
    ),
  );
  const source = new ByteSource();
  stop = connectLiveStream({
    checkUnauthorized: () => Promise.resolve(false),
    onUnauthorized: () => {},
    fetchSnapshot: () => Promise.reject(new Error('not asked')),
    fullValidation: true,
    createEventSource: () => source as unknown as EventSource,
  });
  source.send('snapshot', new TextEncoder().encode(JSON.stringify(payload)));
});

afterEach(() => {
  stop();
  vi.unstubAllGlobals();
  useLocaleForTest('en', BROWSER_TIME_ZONE);
});

describe('a Chinese gateway payload on screen', () => {
  it('shows every queue name on the overview byte for byte, among Chinese words', async () => {
    show('/');
    expect(await screen.findByRole('heading', { level: 1, name: '队列' })).toBeInTheDocument();
    for (const name of QUEUES) {
      const tile = screen.getByRole('article', { name });
      const link = within(tile).getByRole('link');
      expect(utf8(link.textContent ?? '')).toEqual(utf8(name));
    }
  });

  it('shows every agent name in the queue grid byte for byte, states in Chinese', async () => {
    show('/queues/1');
    const table = await screen.findByRole('table', { name: '座席' });
    const names = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent ?? '');
    expect(names.map(utf8).sort()).toEqual(AGENTS.map(utf8).sort());
    expect(within(table).getAllByText('空闲')).toHaveLength(AGENTS.length);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(QUEUES[0]);
  });
});
