import { useEffect, useId, useState, type FormEvent } from 'react';
import { defineMessages } from '@/i18n/messages';
import { isApiError } from '@/lib/api-client';
import { apiErrorText } from '@/lib/api-problem';
import { formatClock } from '@/lib/format';
import { useI18n } from '@/stores/locale-store';
import { useCreateSession } from '../api/create-session';

const M = defineMessages({
  username: { id: 'login.username', defaultMessage: 'Username' },
  password: { id: 'login.password', defaultMessage: 'Password' },
  submit: { id: 'login.submit', defaultMessage: 'Sign in' },
  empty: { id: 'login.empty', defaultMessage: 'Enter your user name and password.' },
  wrong: {
    id: 'login.wrong',
    defaultMessage: 'Wrong user name or password. Check both and try again.',
  },
  failed: { id: 'login.failed', defaultMessage: 'Sign-in failed: {reason}' },
  lockedFor: {
    id: 'login.locked-for',
    defaultMessage: 'Too many sign-in attempts. Try again in {seconds} s (at {time}).',
  },
  unlocked: { id: 'login.unlocked', defaultMessage: 'You can try signing in again now.' },
  locked: {
    id: 'login.locked',
    defaultMessage: 'Too many sign-in attempts. Wait a few minutes, then try again.',
  },
});

interface LoginFormProps {
  onSignedIn: () => void;
}

type Failure =
  | { kind: 'credentials'; message: string }
  | { kind: 'locked'; until: number | null }
  | { kind: 'other'; message: string };

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const intl = useI18n();
  const create = useCreateSession();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const errorId = useId();

  const lockedFor =
    failure?.kind === 'locked' && failure.until !== null
      ? Math.max(0, Math.ceil((failure.until - now) / 1000))
      : 0;

  useEffect(() => {
    if (failure?.kind !== 'locked' || failure.until === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [failure]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const field = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    const username = field('username').trim();
    const password = field('password');
    if (!username || !password) {
      setFailure({ kind: 'other', message: intl.formatMessage(M.empty) });
      return;
    }
    setFailure(null);
    create.mutate(
      { username, password },
      {
        onSuccess: onSignedIn,
        onError: (err) => {
          if (isApiError(err) && err.status === 429) {
            const until = err.retryAfterSec !== null ? Date.now() + err.retryAfterSec * 1000 : null;
            setNow(Date.now());
            setFailure({ kind: 'locked', until });
          } else if (isApiError(err) && err.status === 401) {
            setFailure({
              kind: 'credentials',
              message: intl.formatMessage(M.wrong),
            });
          } else {
            setFailure({
              kind: 'other',
              message: intl.formatMessage(M.failed, { reason: apiErrorText(err) }),
            });
          }
        },
      },
    );
  };

  const locked = failure?.kind === 'locked' && lockedFor > 0;
  const busy = create.isPending;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={failure ? errorId : undefined}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor="login-username" className="text-sm font-medium">
          {intl.formatMessage(M.username)}
        </label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          className="input"
          aria-invalid={failure?.kind === 'credentials' || undefined}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="login-password" className="text-sm font-medium">
          {intl.formatMessage(M.password)}
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="input"
          aria-invalid={failure?.kind === 'credentials' || undefined}
        />
      </div>
      {failure && (
        <div id={errorId} role="alert" className="callout callout-crit text-sm">
          {failure.kind === 'locked'
            ? failure.until !== null && lockedFor > 0
              ? intl.formatMessage(M.lockedFor, {
                  seconds: lockedFor,
                  time: formatClock(failure.until),
                })
              : failure.until !== null
                ? intl.formatMessage(M.unlocked)
                : intl.formatMessage(M.locked)
            : failure.message}
        </div>
      )}
      <button
        type="submit"
        className="btn btn-primary h-11"
        disabled={busy || locked}
        aria-busy={busy || undefined}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {intl.formatMessage(M.submit)}
      </button>
    </form>
  );
}
