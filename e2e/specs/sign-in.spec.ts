import { expect, test } from '../fixtures/test';

test.describe('sign in', () => {
  test('a wrong password is refused with a clear message; the right one lands on the overview', async ({
    app,
    page,
  }) => {
    const { supervisor } = app.stack.accounts;
    await app.login.open('/');

    await app.login.signIn({ username: supervisor.username, password: 'not-the-password' });
    await expect(app.login.error).toHaveText(/Wrong user name or password/);
    await expect(page).toHaveURL(/\/login\?/);

    await app.login.signIn(supervisor);
    await app.overview.expectLoaded();
    await expect(page).toHaveURL(`${app.stack.url}/`);
  });

  test('a signed-out visit to a queue comes back to that queue after signing in', async ({
    app,
    page,
  }) => {
    await app.login.open('/queues/1');
    await app.login.signIn(app.stack.accounts.supervisor);
    await expect(page).toHaveURL(`${app.stack.url}/queues/1`);
    await app.queue.expectLoaded('Billing');
  });

  test('a session that ends mid-use goes back to sign in, then to the same page', async ({
    app,
    page,
  }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1, '?q=200');
    await app.queue.expectLoaded('Billing');
    await app.api.signOut();

    await expect(page).toHaveURL(/\/login\?/, { timeout: 15_000 });
    await app.login.signIn(app.stack.accounts.supervisor);
    await expect(page).toHaveURL(`${app.stack.url}/queues/1?q=200`);
    await app.queue.expectLoaded('Billing');
    await expect(app.queue.search).toHaveValue('200');
  });

  test('a session that ends mid-use says so on the sign-in screen', async ({ app, page }) => {
    await app.signInAs('supervisor');
    await app.queue.open(1);
    await app.queue.expectLoaded('Billing');
    await app.api.signOut();

    await expect(page).toHaveURL(/\/login\?/, { timeout: 15_000 });
    await expect(app.login.sessionEnded).toBeVisible();
  });
});

test.describe('sign-in rate limit', () => {
  // Its own stack: the lock-out applies to every sign-in from this address for a minute.
  test.use({ stackOptions: { scenario: 'seed', users: 'demo', perTest: true } });

  test('repeated wrong passwords lock sign-in for a while and say for how long', async ({
    app,
  }) => {
    const { supervisor } = app.stack.accounts;
    await app.login.open('/');
    const messages: string[] = [];
    for (let i = 0; i < 10 && !/Too many/.test(messages.at(-1) ?? ''); i += 1)
      messages.push(
        await app.login.failedAttempt({ username: supervisor.username, password: 'wrong-again' }),
      );
    expect(messages[0]).toMatch(/Wrong user name or password/);
    expect(messages.at(-1)).toMatch(/Too many sign-in attempts/);
    await expect(app.login.error).toHaveText(/Try again in \d+ s \(at \d\d:\d\d:\d\d\)/);
    await expect(app.login.submit).toBeDisabled();
  });
});
