import { ADMIN_PASSWORD, signIn } from '../support/test-server';
import { createUser, expect, expectConnected, shot, signInToConsole, test } from './console-helpers';

// Several pages and a server per test, on machines often busy with other suites.
test.describe.configure({ timeout: 300_000 });

test.use({ viewport: { width: 1024, height: 768 } });

const PASSWORD = 'a-long-judge-password';

test('a judge sees only the roadshow page, and the server refuses them content editing', async ({ page, showfloor, toleratedErrors }) => {
  toleratedErrors.push({ status: 403, path: /^\/api\/v1\/(content|items\/alpha-item-1)$/ });
  await createUser(showfloor.url, 'judge1', 'judge', PASSWORD);
  await signInToConsole(page, 'judge1', PASSWORD);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadshow scoring');
  await expect(page.getByTestId('judge-phase')).toContainText('Not started');
  for (const name of ['Content', 'Screens', 'Counters', 'Announcements', 'Audit log', 'Users']) await expect(page.getByRole('link', { name })).toHaveCount(0);
  await shot(page, 'judge');

  // Typing an address does not help either.
  await page.goto('/console/content/alpha/alpha-item-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadshow scoring');
  await expect(page.getByRole('form', { name: 'Edit item' })).toHaveCount(0);

  // Nor does calling the API from the judge's own signed-in browser.
  const statuses = await page.evaluate(async () => {
    const read = await fetch('/api/v1/content');
    const write = await fetch('/api/v1/items/alpha-item-1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: {}, baseVersion: 1 }) });
    return [read.status, write.status];
  });
  expect(statuses).toEqual([403, 403]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('an operator has no Users page; an admin manages accounts', async ({ page, showfloor }) => {
  await createUser(showfloor.url, 'operator1', 'operator', PASSWORD);
  await signInToConsole(page, 'operator1', PASSWORD);
  await expectConnected(page);
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect(nav.getByRole('link')).toHaveText(['Content', 'Announcements', 'Screens', 'Counters', 'Matchmaking', 'Roadshow', 'Run of show', 'Audit log']);
  await page.goto('/console/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No such page');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInToConsole(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('User name').fill('judge2');
  await form.getByLabel('Role').selectOption('judge');
  await form.getByLabel('Initial password (10+ characters)').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByLabel('Initial password (10+ characters)')).toHaveAccessibleDescription('must be at least 10 characters');
  await form.getByLabel('Initial password (10+ characters)').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByRole('row', { name: /judge2/ });
  await expect(row.getByLabel('Role of judge2')).toHaveValue('judge');

  await row.getByLabel('Role of judge2').selectOption('operator');
  await expect(page.getByRole('status').filter({ hasText: 'judge2 updated' })).toBeVisible();
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await expect(page.getByRole('row', { name: /admin/ }).getByRole('button', { name: 'Disable' })).toBeDisabled();
  await shot(page, 'users');
});

test('too many failed sign-ins are answered 429 and the form says how long to wait', async ({ page, showfloor, toleratedErrors }) => {
  toleratedErrors.push({ status: 429, path: /\/api\/v1\/session$/ });
  // Ten failures from this address for this user name (the server's default limit)…
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${showfloor.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: `wrong-${i}` }) });
    expect(response.status).toBe(401);
  }
  // …and the next try, in the console, is refused with a clear message.
  await signInToConsole(page, 'admin', ADMIN_PASSWORD, { refused: true });
  await expect(page.getByRole('alert')).toHaveText(/^Too many failed sign-ins\. Try again in \d+ minutes\.$/);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('alert')).toContainText('登录失败次数过多');
  await shot(page, 'login-429');
});

test('a wrong password is refused without leaving the form', async ({ page }) => {
  await signInToConsole(page, 'admin', 'not-the-password', { refused: true });
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('an operator whose account is disabled is signed out of the open console at once', async ({ page, showfloor }) => {
  const id = await createUser(showfloor.url, 'operator2', 'operator', PASSWORD);
  await signInToConsole(page, 'operator2', PASSWORD);
  await expectConnected(page);

  const disabled = await fetch(`${showfloor.url}/api/v1/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: await signIn(showfloor.url) },
    body: JSON.stringify({ disabled: true }),
  });
  expect(disabled.status).toBe(200);
  // The server closes the console socket; the console finds the session gone and asks to sign in.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(0);
});

test('when a session ends mid-edit, the same operator signing in again finds the unsaved edits', async ({ page, showfloor }) => {
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/content/alpha/alpha-item-1');
  await page.getByLabel('Summary (English)').fill('Half-written summary');

  // The session ends elsewhere (as idle expiry or a sign-out on another tab would end it).
  const cookie = (await page.context().cookies()).find((c) => c.name === 'showfloor.sid')!;
  const ended = await fetch(`${showfloor.url}/api/v1/session`, { method: 'DELETE', headers: { cookie: `${cookie.name}=${cookie.value}` } });
  expect(ended.status).toBe(204);
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();

  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Summary (English)')).toHaveValue('Half-written summary');
  await expect(page.getByText('Unsaved changes').filter({ visible: true }).first()).toBeVisible();
});
