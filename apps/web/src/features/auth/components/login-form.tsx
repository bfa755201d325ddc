import { useEffect, useId, useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { formatClock } from '@/lib/format';
import { useCreateSession } from '../api/create-session';

interface LoginFormProps {
  onSignedIn: () => void;
}

type Failure =
  | { kind: 'credentials'; message: string }
  | { kind: 'locked'; until: number | null }
  | { kind: 'other'; message: string };

export function LoginForm({ onSignedIn }: LoginFormProps) {
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
      setFailure({ kind: 'other', message: 'Enter your user name and password.' });
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
              message: 'Wrong user name or password. Check both and try again.',
            });
          } else {
            setFailure({
              kind: 'other',
              message: isApiError(err)
                ? `Sign-in failed: ${err.message}`
                : 'Sign-in failed. Try again in a moment.',
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
          Username
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
          Password
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
              ? `Too many sign-in attempts. Try again in ${lockedFor} s (at ${formatClock(failure.until)}).`
              : failure.until !== null
                ? 'You can try signing in again now.'
                : 'Too many sign-in attempts. Wait a few minutes, then try again.'
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
        Sign in
      </button>
    </form>
  );
}
