import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layouts/app-layout';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }),
    ErrorBoundary: RouteError,
  },
  {
    // The wall display has its own full-screen layout and its own session handling.
    path: '/wall',
    lazy: async () => ({ Component: (await import('./routes/wall')).WallRoute }),
    ErrorBoundary: RouteError,
  },
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./routes/overview')).OverviewRoute }),
        ErrorBoundary: RouteError,
      },
      {
        path: 'queues/:skillId',
        lazy: async () => ({ Component: (await import('./routes/queue')).QueueRoute }),
        ErrorBoundary: RouteError,
      },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('./routes/settings')).SettingsRoute }),
        ErrorBoundary: RouteError,
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
