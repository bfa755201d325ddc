import type { Role } from '@floorwatch/contracts/api';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import { AlertListIcon, MonitorIcon, ShieldIcon, SlidersIcon } from '@/components/icons';
import { ThemeToggle } from '@/components/theme-toggle';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { useDeleteSession } from '@/features/auth/api/delete-session';
import {
  FreshnessIndicator,
  StaleBanner,
} from '@/features/live-status/components/freshness-indicator';
import { useLiveConnection } from '@/features/live-status/hooks/use-live-connection';
import { useExceptions } from '@/hooks/use-exceptions';
import { useIsStale } from '@/hooks/use-freshness';
import { LanguageSwitcher } from '@/components/language-switcher';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { apiErrorText } from '@/lib/api-problem';
import { siteZoneLabel } from '@/lib/format';
import { setUnauthorizedHandler } from '@/lib/session-events';
import { useI18n } from '@/stores/locale-store';
import { useNotifyStore } from '@/stores/notify-store';
import { applyTheme } from '@/stores/theme-store';

const M = defineMessages({
  exceptions: { id: 'nav.exceptions', defaultMessage: 'Exceptions' },
  pastCrit: {
    id: 'nav.exceptions.past-crit',
    defaultMessage: '{count, plural, one {agent} other {agents}} past critical limit',
  },
  loading: { id: 'shell.loading', defaultMessage: 'Loading Floorwatch…' },
  unreachable: { id: 'shell.unreachable', defaultMessage: 'Cannot reach Floorwatch' },
  skip: { id: 'shell.skip', defaultMessage: 'Skip to content' },
  main: { id: 'nav.main', defaultMessage: 'Main' },
  queues: { id: 'nav.queues', defaultMessage: 'Queues' },
  limits: { id: 'nav.limits', defaultMessage: 'Limits' },
  admin: { id: 'nav.admin', defaultMessage: 'Admin' },
  wall: { id: 'nav.wall', defaultMessage: 'Wall display' },
  signOut: { id: 'shell.sign-out', defaultMessage: 'Sign out' },
  screenFailed: { id: 'shell.screen-failed', defaultMessage: 'This screen could not be shown' },
  zone: {
    id: 'shell.zone',
    defaultMessage: 'Times in the site time zone, {zone}',
  },
});

const ROLE = defineMessages<Role>({
  admin: { id: 'role.admin', defaultMessage: 'Administrator' },
  supervisor: { id: 'role.supervisor', defaultMessage: 'Supervisor' },
  teamlead: { id: 'role.teamlead', defaultMessage: 'Team lead' },
  wallboard: { id: 'role.wallboard', defaultMessage: 'Wall display' },
});

/** The site's zone when this browser is in another one: the times on screen are the floor's. */
function SiteZone() {
  const intl = useI18n();
  // The offset at page load: the label changes only at a daylight-saving switch.
  const [label] = useState(() => siteZoneLabel(Date.now()));
  if (!label) return null;
  return (
    <span
      className="hidden rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted lg:inline"
      title={intl.timeZone}
      aria-label={intl.formatMessage(M.zone, { zone: label })}
    >
      {label}
    </span>
  );
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 ${isActive ? 'bg-surface-2 font-semibold' : 'text-muted hover:text-fg'}`;

/** "Exceptions" with how many agents are past a critical limit right now. */
function ExceptionsLink() {
  const intl = useI18n();
  const crit = useExceptions().filter((r) => r.level === 'crit').length;
  return (
    <NavLink to="/exceptions" className={navClass}>
      <AlertListIcon className="h-4 w-4" />
      {intl.formatMessage(M.exceptions)}
      {crit > 0 && (
        <span className="rounded-full bg-crit px-1.5 text-xs font-semibold text-white tabular">
          {intl.formatNumber(crit)}
          <span className="sr-only"> {intl.formatMessage(M.pastCrit, { count: crit })}</span>
        </span>
      )}
    </NavLink>
  );
}

// Browser notifications for a desk that opted in: loaded only then.
const DeskNotifications = lazy(async () => ({
  default: (await import('./desk-notifications')).DeskNotifications,
}));

function loginPath(pathname: string, search: string, expired: boolean) {
  const p = new URLSearchParams({ next: `${pathname}${search}` });
  if (expired) p.set('expired', '1');
  return `/login?${p.toString()}`;
}

export function AppLayout() {
  const me = useMe();
  const intl = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const signOut = useDeleteSession();
  const notify = useNotifyStore((s) => s.enabled);

  useEffect(() => applyTheme(), []);

  // Set together with dropping "me", so the redirect below says the session ended (rather than
  // a plain "please sign in") whichever noticed first: the stream or a request.
  // A 401 before "me" has answered (the boot requests below run alongside it) means nobody was
  // signed in, not that a session ended.
  const [ended, setEnded] = useState(false);
  const onUnauthorized = useCallback(() => {
    if (qc.getQueryData(meQueryKey)) setEnded(true);
    qc.setQueryData(meQueryKey, null);
  }, [qc]);

  useEffect(() => setUnauthorizedHandler(onUnauthorized), [onUnauthorized]);
  // Boot in parallel: the stream (its snapshot) opens while "me" is still on its way (the
  // provider asked for "me" and the settings at start); it stops if nobody is signed in.
  useLiveConnection(onUnauthorized, me.data !== null);

  if (me.isPending) {
    return (
      <div className="flex h-full items-center justify-center text-muted" role="status">
        <span className="spinner mr-2" /> {intl.formatMessage(M.loading)}
      </div>
    );
  }
  if (me.isError) {
    return (
      <div role="alert" className="mx-auto flex max-w-lg flex-col gap-3 p-8">
        <h1 className="text-xl font-semibold">{intl.formatMessage(M.unreachable)}</h1>
        <p className="text-muted">{apiErrorText(me.error)}</p>
        <button
          type="button"
          className="btn btn-primary self-start"
          onClick={() => void me.refetch()}
        >
          {intl.formatMessage(COMMON.tryAgain)}
        </button>
      </div>
    );
  }
  if (!me.data)
    return <Navigate to={loginPath(location.pathname, location.search, ended)} replace />;

  return (
    <div className="flex h-full flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {intl.formatMessage(M.skip)}
      </a>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-surface px-4 py-2">
        <NavLink to="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          Floorwatch
        </NavLink>
        <nav
          aria-label={intl.formatMessage(M.main)}
          className="flex flex-wrap items-center gap-1 text-sm"
        >
          <NavLink
            to="/"
            end
            className={({ isActive }) =>
              `rounded-md px-2.5 py-1.5 ${isActive ? 'bg-surface-2 font-semibold' : 'text-muted hover:text-fg'}`
            }
          >
            {intl.formatMessage(M.queues)}
          </NavLink>
          <ExceptionsLink />
          <NavLink to="/settings" className={navClass}>
            <SlidersIcon className="h-4 w-4" />
            {intl.formatMessage(M.limits)}
          </NavLink>
          {me.data.role === 'admin' && (
            <NavLink to="/admin" className={navClass}>
              <ShieldIcon className="h-4 w-4" />
              {intl.formatMessage(M.admin)}
            </NavLink>
          )}
          <a
            href="/wall"
            className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-muted hover:text-fg"
          >
            <MonitorIcon className="h-4 w-4" />
            {intl.formatMessage(M.wall)}
          </a>
        </nav>
        <div className="order-last w-full min-w-0 sm:order-none sm:ml-auto sm:w-auto">
          <FreshnessIndicator />
        </div>
        <div className="ml-auto flex items-center gap-2 sm:ml-0">
          <span className="hidden text-sm text-muted md:inline">
            {me.data.username} · {intl.formatMessage(ROLE[me.data.role])}
          </span>
          <SiteZone />
          <LanguageSwitcher />
          <ThemeToggle />
          <button
            type="button"
            className="btn"
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => void navigate('/login', { replace: true }),
              })
            }
          >
            {intl.formatMessage(M.signOut)}
          </button>
        </div>
      </header>
      {notify && (
        <Suspense fallback={null}>
          <DeskNotifications />
        </Suspense>
      )}
      <StaleBanner />
      <StaleAware>
        <ErrorBoundary
          resetKeys={[location.pathname]}
          fallback={(error, reset) => (
            <div role="alert" className="mx-auto flex max-w-xl flex-col gap-3 p-8">
              <h1 className="text-xl font-semibold">{intl.formatMessage(M.screenFailed)}</h1>
              <pre className="overflow-auto rounded-lg bg-surface-2 p-3 text-xs">
                {error.message}
              </pre>
              <button type="button" className="btn btn-primary self-start" onClick={reset}>
                {intl.formatMessage(COMMON.tryAgain)}
              </button>
            </div>
          )}
        >
          <Outlet />
        </ErrorBoundary>
      </StaleAware>
    </div>
  );
}

/** Marks the content stale (CSS dims every .live-data inside) while the data is not live. */
function StaleAware({ children }: { children: React.ReactNode }) {
  const stale = useIsStale();
  return (
    <main
      id="main"
      className={`min-h-0 flex-1 overflow-auto ${stale ? 'is-stale' : ''}`}
      data-stale={stale}
    >
      {children}
    </main>
  );
}
