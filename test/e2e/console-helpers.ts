import type { Browser, BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EditableContent, Item } from '../../shared/content.schema';
import type { Snapshot } from '../../shared/snapshot.schema';
import { ADMIN_PASSWORD, signIn, startTestServer } from '../support/test-server';
import { expect as baseExpect, test as base, WEB_DIR } from './fixtures';

/** Where the built pages are (fixtures.ts: SHOWFLOOR_WEB_DIR overrides). */
export const CONSOLE_WEB_DIR = WEB_DIR;

/** A refused request the test expects the page to make (the browser logs each one as a console error). */
export interface ExpectedRefusal {
  status: number;
  path: RegExp;
}

interface ConsoleFixtures {
  /**
   * Refusals that are part of what a test checks (a 409 conflict, a 400 with field errors, a
   * judge's 403). Signing out answers the session probe with 401, so that one is always expected.
   */
  refusals: ExpectedRefusal[];
  /** Console errors in which the browser reports its Content Security Policy blocking something a test provoked on purpose. */
  blockedByPolicy: RegExp[];
}

const REFUSED = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * The showfloor fixtures for console tests: each test gets its own server (fixture content
 * `alpha`, `beta`), and every page error fails the test, except HTTP refusals the test declared
 * (the browser reports those as console errors, though the console handles them).
 */
export const test = base.extend<ConsoleFixtures>({
  // eslint-disable-next-line no-empty-pattern
  refusals: async ({}, use) => {
    await use([{ status: 401, path: /\/api\/v1\/session$/ }]);
  },
  // eslint-disable-next-line no-empty-pattern
  blockedByPolicy: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  showfloor: async ({}, use) => {
    if (!existsSync(resolve(CONSOLE_WEB_DIR, 'console', 'index.html'))) throw new Error(`The pages are not built: run "npx vite build" first (looked in ${CONSOLE_WEB_DIR}).`);
    const server = await startTestServer({ WEB_DIR: CONSOLE_WEB_DIR });
    await use(server);
    await server.stop();
  },
  // Overrides the suite's own check (still automatic: an override keeps the original's `auto`).
  pageErrors: async ({ page, refusals, blockedByPolicy }, use) => {
    const errors: string[] = [];
    watchErrors(page, refusals, errors, blockedByPolicy);
    await use(errors);
    expect(errors, 'the page reported errors').toEqual([]);
  },
});

/**
 * Waits longer than the suite's default: these tests drive two or three pages against one server,
 * and the machines that run them are often busy with other suites. What must be fast (a screen
 * following an edit) is measured separately and reported.
 */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** Records a page's errors into `errors`, except the declared refusals. Also for extra pages a test opens. */
export function watchErrors(page: Page, refusals: ExpectedRefusal[], errors: string[], blockedByPolicy: RegExp[] = []): void {
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (blockedByPolicy.some((pattern) => pattern.test(message.text()))) return;
    const refused = REFUSED.exec(message.text());
    const url = message.location().url;
    if (refused && refusals.some((r) => r.status === Number(refused[1]) && r.path.test(new URL(url, 'http://x').pathname))) return;
    errors.push(`console: ${message.text()} (${url})`);
  });
}

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
export async function openScreen(browser: Browser, baseURL: string, refusals: ExpectedRefusal[], errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watchErrors(page, refusals, errors);
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
