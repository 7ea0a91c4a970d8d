import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { EditableContent, Item } from '../../shared/content.schema';
import type { Snapshot } from '../../shared/snapshot.schema';
import { ADMIN_PASSWORD, signIn } from '../support/test-server';
import { expect, test as base, watchErrors, type ToleratedError } from './fixtures';

/**
 * The showfloor fixtures for console tests. Signing out answers the session probe with 401, so
 * that refusal is always tolerated; a test adds the ones it provokes (a 409 conflict, a 400 with
 * field errors, a judge's 403, a CSP block) to `toleratedErrors`.
 */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  toleratedErrors: async ({}, use) => {
    await use([{ status: 401, path: /\/api\/v1\/session$/ }]);
  },
});

export { expect, watchErrors, type ToleratedError };

/** Saves what a test checked, for people to look at: test-results/console-<name>.png. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: `test-results/console-${name}.png`, ...options });
}

/**
 * Opens the console, switches it to English and signs in through the form; waits until signed in
 * (the Sign out button shows) unless the test expects a refusal.
 */
export async function signInToConsole(page: Page, username = 'admin', password = ADMIN_PASSWORD, options: { refused?: boolean } = {}): Promise<void> {
  await page.goto('/console/');
  await page.getByRole('group', { name: /界面语言|Interface language/ }).getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!options.refused) await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Waits until both of the console's channels (/live and /console) are connected. */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-state')).toContainText('Connected', { timeout: 20_000 });
}

/** A second, independent browser (no shared cookies), as a screen on the show floor would be. */
export async function openScreen(browser: Browser, baseURL: string, tolerated: readonly ToleratedError[], errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watchErrors(page, errors, tolerated);
  return { context, page };
}

/** The public snapshot, as any screen gets it. */
export async function snapshot(url: string): Promise<Snapshot> {
  return (await (await fetch(`${url}/api/v1/snapshot`)).json()) as Snapshot;
}

/** Staff API calls from the test itself (no Origin header: a script, which the server allows). */
export async function api(url: string, method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: cookie ?? (await signIn(url)) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An item as the editor API has it, with its version. */
export async function editableItem(url: string, id: string): Promise<{ item: Item; version: number }> {
  const content = (await api(url, 'GET', '/api/v1/content')).body as EditableContent;
  const { version, updatedAt: _updatedAt, ...item } = content.items.find((i) => i.id === id)!;
  return { item, version };
}

/** Creates an account as admin; returns its id. */
export async function createUser(url: string, username: string, role: 'admin' | 'operator' | 'judge', password: string): Promise<string> {
  const created = await api(url, 'POST', '/api/v1/users', { username, role, password });
  if (created.status !== 201) throw new Error(`user creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** The booth kiosk, unpaired: from attract mode to an item's page, the way a visitor gets there. */
export async function openKioskItem(page: Page, sectionTitle: string, itemTitle: string): Promise<void> {
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: '触摸开始 · Touch to start' }).click();
  await page.getByRole('button', { name: sectionTitle }).click();
  await page.getByRole('button', { name: itemTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(itemTitle);
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
}

export const stillSameDocument = (page: Page) => page.evaluate(() => 'sameDocument' in window);

/**
 * Types a body into the WYSIWYG editor named `label`, replacing what it held: `[plain, bold, plain]`
 * (the middle part bolded with Ctrl+B, as an operator would).
 */
export async function writeBody(page: Page, label: string, [before, bold, after]: [string, string, string]): Promise<void> {
  const editor = page.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(before);
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(bold);
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(after);
}

/** Pastes `html` into the WYSIWYG editor named `label` (a paste event carrying text/html), replacing its content. */
export async function pasteHtml(page: Page, label: string, html: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', pasted.replace(/<[^>]*>/g, ''));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}
