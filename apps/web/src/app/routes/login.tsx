import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeNext } from '@/features/auth/lib/safe-next';
import { LanguageSwitcher } from '@/components/language-switcher';
import { defineMessages } from '@/i18n/messages';
import { useLiveStore } from '@/stores/live-store';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  title: { id: 'login.title', defaultMessage: 'Sign in · Floorwatch' },
  tagline: { id: 'login.tagline', defaultMessage: 'Contact-centre floor, live' },
  expired: {
    id: 'login.expired',
    defaultMessage: 'Your session ended. Sign in again to continue where you were.',
  },
});

export function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const intl = useI18n();
  const next = safeNext(params.get('next'));
  const expired = params.get('expired') === '1';

  useEffect(() => {
    // A previous user's live data must not flash on the next user's screen.
    useLiveStore.getState().reset();
  }, []);

  useEffect(() => {
    if (me.data) void navigate(next, { replace: true });
  }, [me.data, navigate, next]);

  return (
    <main className="flex min-h-full items-center justify-center bg-bg p-4">
      <title>{intl.formatMessage(M.title)}</title>
      <div className="card w-full max-w-sm p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-3">
          <img src="/favicon.svg" alt="" className="h-10 w-10" />
          <div className="min-w-0 flex-1">
            <h1 className="text-xl font-semibold">Floorwatch</h1>
            <p className="text-sm text-muted">{intl.formatMessage(M.tagline)}</p>
          </div>
          <LanguageSwitcher className="self-start" />
        </div>
        {expired && (
          <p role="status" className="callout callout-warn mb-4 text-sm">
            {intl.formatMessage(M.expired)}
          </p>
        )}
        <LoginForm
          onSignedIn={() => {
            void qc
              .invalidateQueries({ queryKey: meQueryKey })
              .then(() => navigate(next, { replace: true }));
          }}
        />
      </div>
    </main>
  );
}
