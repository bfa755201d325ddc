import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginForm } from './login-form';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve(
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );
}

function renderForm(onSignedIn = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LoginForm onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return onSignedIn;
}

async function signIn(user = 'sup', pass = 'secret') {
  await userEvent.type(screen.getByLabelText('Username'), user);
  await userEvent.type(screen.getByLabelText('Password'), pass);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('signs in and posts the credentials', async () => {
    const fetchMock = vi.fn(() => answer(204, null));
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = renderForm();
    await signIn();
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/session');
    expect(JSON.parse(init.body as string)).toEqual({ username: 'sup', password: 'secret' });
  });

  it('says clearly when the credentials are wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => answer(401, { error: { code: 'INVALID_CREDENTIALS', message: 'x' } })),
    );
    renderForm();
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains the lock-out with the retry time and disables the button', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        answer(
          429,
          { error: { code: 'RATE_LIMITED', message: 'Too many' } },
          { 'Retry-After': '120' },
        ),
      ),
    );
    renderForm();
    await signIn();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /Too many sign-in attempts\. Try again in 1[12]\d s \(at \d\d:\d\d:\d\d\)/,
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });
});
