import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitcher } from '@/components/language-switcher';
import { stateLabel } from '@/lib/states';
import { BROWSER_TIME_ZONE, useI18n, useLocaleStore } from '@/stores/locale-store';
import { useLocaleForTest } from '../../test/locale';
import { I18nProvider } from './i18n-provider';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );

/** The BFF's answers: the site default, who is signed in, and their stored preference. */
function bff(opts: {
  site?: string;
  zone?: string;
  me?: boolean;
  stored?: string | null;
  wallLang?: string | null;
}) {
  const puts: unknown[] = [];
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    if (url.endsWith('/api/v1/locale'))
      return json(200, { locale: opts.site ?? 'en', timeZone: opts.zone ?? 'Asia/Shanghai' });
    if (url.endsWith('/api/v1/me')) {
      if (opts.wallLang !== undefined)
        return json(200, {
          username: 'wall:north',
          role: 'wallboard',
          queues: '*',
          wall: {
            linkId: 'north',
            name: 'North TV',
            queues: '*',
            rotateSec: null,
            lang: opts.wallLang,
            sound: false,
          },
        });
      return opts.me
        ? json(200, { username: 'li', role: 'supervisor', queues: '*', wall: null })
        : json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } });
    }
    if (url.endsWith('/api/v1/me/preferences')) {
      if (init?.method === 'PUT') {
        const body = JSON.parse(init.body as string) as unknown;
        puts.push(body);
        return json(200, body);
      }
      return json(200, { locale: opts.stored ?? null });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { puts };
}

function Probe() {
  const intl = useI18n();
  return (
    <p>
      {stateLabel('idle')} · {intl.locale} · {intl.timeZone}
    </p>
  );
}

function show() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <Probe />
        <LanguageSwitcher />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const browserLanguages = (langs: string[]) =>
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(langs);

beforeEach(() => {
  useLocaleStore.setState({ chosen: null, unsaved: false });
});
afterEach(() => {
  vi.unstubAllGlobals();
  useLocaleForTest('en', BROWSER_TIME_ZONE);
  window.history.replaceState(null, '', '/');
});

describe('I18nProvider chooses the language', () => {
  it('follows the browser, in the site time zone', async () => {
    bff({});
    browserLanguages(['zh-CN', 'en']);
    show();
    expect(await screen.findByText('空闲 · zh-CN · Asia/Shanghai')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('falls back to the site default when the browser asks for no language it has', async () => {
    bff({ site: 'zh-CN' });
    browserLanguages(['fr-FR', 'de']);
    show();
    expect(await screen.findByText(/^空闲 · zh-CN/)).toBeInTheDocument();
  });

  it("puts the user's stored choice before the browser", async () => {
    bff({ me: true, stored: 'en' });
    browserLanguages(['zh-CN']);
    show();
    expect(await screen.findByText(/^Idle · en/)).toBeInTheDocument();
  });

  it('keeps a choice made in the switcher on the server', async () => {
    const { puts } = bff({ me: true, stored: null });
    browserLanguages(['en-GB']);
    show();
    await screen.findByText(/^Idle · en/);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(await screen.findByText(/^空闲 · zh-CN/)).toBeInTheDocument();
    await waitFor(() => expect(puts).toEqual([{ locale: 'zh-CN' }]));
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  });

  it('speaks the language an admin set on the stored wall link the display signed in with', async () => {
    bff({ wallLang: 'zh-CN' });
    browserLanguages(['en-US']);
    show();
    expect(await screen.findByText(/^空闲 · zh-CN/)).toBeInTheDocument();
  });

  it('follows the browser on a wall link with no language of its own', async () => {
    bff({ wallLang: null, site: 'zh-CN' });
    browserLanguages(['en-US']);
    show();
    expect(await screen.findByText(/^Idle · en/)).toBeInTheDocument();
  });

  it('lets a wall link fix the language, whatever the user chose', async () => {
    window.history.replaceState(null, '', '/wall?lang=zh-CN');
    bff({ me: true, stored: 'en' });
    browserLanguages(['en']);
    show();
    expect(await screen.findByText(/^空闲 · zh-CN/)).toBeInTheDocument();
  });
});
