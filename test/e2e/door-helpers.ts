import type { Browser, Page } from '@playwright/test';
import { signIn, startTestServer, type TestServer } from '../support/test-server';
import { expect, NETWORK_ERRORS, watchErrors, WEB_DIR, type ToleratedError } from './fixtures';

export const PHONE = { width: 390, height: 844 };

/** Today's visitors and who is on site, from the public snapshot. */
export async function doorFigures(url: string): Promise<{ visitors: number; onSite: number; exits: number }> {
  const { counters } = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as {
    counters: { visitors: { today: number }; onSite?: { now: number; exitsToday: number } };
  };
  return { visitors: counters.visitors.today, onSite: counters.onSite?.now ?? -1, exits: counters.onSite?.exitsToday ?? -1 };
}

/** The door counter in a browser context of its own (a staff phone), showing its pairing code. */
export async function openDoor(browser: Browser, url: string, errors: string[], tolerated: readonly ToleratedError[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true });
  const page = await context.newPage();
  watchErrors(page, errors, tolerated);
  await page.goto('/door/');
  await expect(page.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/, { timeout: 15_000 });
  return page;
}

/** Approves the door's pairing code as an operator would (with the API), and waits until it is online. */
export async function pairDoor(door: Page, server: TestServer, name: string): Promise<void> {
  const code = (await door.getByTestId('pairing-code').textContent())!.trim();
  const approved = await fetch(`${server.url}/api/v1/pairing/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url) },
    body: JSON.stringify({ code, name, role: 'door' }),
  });
  expect(approved.status).toBe(201);
  await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 15_000 });
}

/** Opens the door's settings (a staff phone: no hidden gesture needed), applies `change`, and closes them. */
export async function setDoor(door: Page, change: { inOut?: boolean; scanBadges?: boolean }): Promise<void> {
  await door.getByRole('button', { name: '设置 · Settings' }).click();
  const settings = door.getByRole('region', { name: '门口设置 · Door settings' });
  if (change.inOut !== undefined) await settings.getByRole('radio', { name: change.inOut ? '进出都计 · In and out' : '只计进场 · In only' }).check();
  if (change.scanBadges !== undefined) await settings.getByRole('checkbox', { name: /扫描胸卡/ }).setChecked(change.scanBadges);
  await settings.getByRole('button', { name: '完成 · Done' }).click();
  await expect(settings).toBeHidden();
}

/**
 * A paired door that was loaded once online (its service worker in control, clients.claim), then
 * the server goes away (Playwright's setOffline would leave the open sockets up). Returns how to
 * bring the same server back: same address and data.
 */
export async function doorLosesServer(door: Page, server: TestServer, tolerated: ToleratedError[]): Promise<() => Promise<TestServer>> {
  await door.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 45_000 });
  tolerated.push(NETWORK_ERRORS);
  const { dataDir, port } = server;
  await server.stop({ keepData: true });
  await expect(door.getByTestId('door-status')).toHaveText('离线 · Offline', { timeout: 15_000 });
  return () => startTestServer({ WEB_DIR, DATA_DIR: dataDir, PORT: String(port) });
}
