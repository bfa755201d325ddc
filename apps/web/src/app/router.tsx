import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layouts/app-layout';
import { RouteError } from './routes/route-error';
import { RouteLoading } from './routes/route-loading';

export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  },
  {
    // The wall display has its own full-screen layout and its own session handling.
    path: '/wall',
    lazy: async () => ({ Component: (await import('./routes/wall')).WallRoute }),
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
  },
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: RouteLoading,
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
        path: 'exceptions',
        lazy: async () => ({ Component: (await import('./routes/exceptions')).ExceptionsRoute }),
        ErrorBoundary: RouteError,
      },
      {
        path: 'admin/:section?',
        lazy: async () => ({ Component: (await import('./routes/admin')).AdminRoute }),
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
