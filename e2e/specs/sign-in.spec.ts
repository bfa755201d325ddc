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
});
