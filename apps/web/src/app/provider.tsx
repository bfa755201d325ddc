import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { settingsQueryOptions } from '@/api/get-settings';
import { ErrorBoundary } from '@/components/error-boundary';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { shouldRetry } from '@/lib/api-client';
import { I18nProvider } from './i18n-provider';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  title: { id: 'crash.title', defaultMessage: 'Floorwatch stopped' },
  body: {
    id: 'crash.body',
    defaultMessage:
      'Something went wrong while showing this page. Reloading usually fixes it; if it does not, tell your administrator the message below.',
  },
});

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The last line of defence: if the app itself fails to render, say so and offer a reload. */
function AppCrash({ error }: { error: Error }) {
  const intl = useI18n();
  return (
    <main className="mx-auto flex min-h-full max-w-lg flex-col justify-center gap-4 p-8">
      <h1 className="text-2xl font-semibold">{intl.formatMessage(M.title)}</h1>
      <p>{intl.formatMessage(M.body)}</p>
      <pre className="overflow-auto rounded-lg bg-surface-2 p-3 text-xs">{error.message}</pre>
      <button
        type="button"
        className="btn btn-primary self-start"
        onClick={() => location.reload()}
      >
        {intl.formatMessage(COMMON.reload)}
      </button>
    </main>
  );
}

/** Boot data is asked for at once, while the router still loads the route's code: "who am I"
 *  and the settings do not wait for the layout to mount (the layout opens the stream). */
function createBootedClient() {
  const client = createQueryClient();
  void client.prefetchQuery(meQueryOptions());
  void client.prefetchQuery(settingsQueryOptions());
  return client;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createBootedClient);
  return (
    <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>
      <QueryClientProvider client={client}>
        <I18nProvider>{children}</I18nProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
