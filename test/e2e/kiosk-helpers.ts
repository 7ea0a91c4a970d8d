import type { Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Snapshot } from '../../shared/snapshot.schema';
import { FIXTURE_CONTENT, signIn, type TestServer } from '../support/test-server';
import { expect, NETWORK_ERRORS, test as base, WEB_DIR } from './fixtures';

/** The two screens a booth kiosk comes in. */
export const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
export type Orientation = keyof typeof VIEWPORTS;

/**
 * A temporary folder that goes away when this test worker exits: the folders below are made when a
 * spec file loads (for `test.use`), before any fixture could own them.
 */
function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The showfloor fixtures (fixtures.ts); kiosk tests walk through whole visits and wait out idle timers: two minutes each. */
export const test = base.extend<{ longerTimeout: void }>({
  longerTimeout: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      testInfo.setTimeout(120_000);
      await use();
    },
    { auto: true },
  ],
});

export { expect, NETWORK_ERRORS, WEB_DIR };

/** Saves what a test checked, for people to look at: test-results/kiosk-<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  // Transitions finished: the picture shows the state the test checked, not a frame on the way to it.
  await page.screenshot({ path: `test-results/kiosk-${name}.png`, animations: 'disabled' });
}

/** The public snapshot, straight from the server. */
export async function snapshot(url: string): Promise<Snapshot> {
  const response = await fetch(`${url}/api/v1/snapshot`);
  return (await response.json()) as Snapshot;
}

export interface Approval {
  name: string;
  /** Default: a booth kiosk. */
  role?: 'booth' | 'stage' | 'door';
  section?: string;
  idleTimeoutSeconds?: number;
  locale?: 'zh-CN' | 'en';
}

/** An operator approves the code a screen shows (the console's button, for now an API call). Returns the device id. */
export async function approvePairing(url: string, code: string, approval: Approval): Promise<string> {
  const response = await fetch(`${url}/api/v1/pairing/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(url) },
    body: JSON.stringify({ code, role: 'booth', ...approval }),
  });
  if (response.status !== 201) throw new Error(`approval failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Opens the kiosk, reads the pairing code it shows, approves it, and waits until the kiosk knows its name. */
export async function openPairedKiosk(page: Page, server: TestServer, approval: Approval): Promise<string> {
  await page.goto('/kiosk/');
  const code = await page.getByTestId('pairing-code').textContent();
  const deviceId = await approvePairing(server.url, code!.trim(), approval);
  await expectPairedAs(page, approval.name);
  return deviceId;
}

/** Waits until the kiosk knows it is paired as `name` (visitors see no device name: it is an attribute). */
export async function expectPairedAs(page: Page, name: string, timeout = 10_000): Promise<void> {
  await expect(page.locator('[data-paired-as]')).toHaveAttribute('data-paired-as', name, { timeout });
}

/** Sends an operator's command to a screen. */
export async function sendCommand(url: string, deviceId: string, command: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/api/v1/devices/${deviceId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(url) },
    body: JSON.stringify(command),
  });
  if (response.status !== 202) throw new Error(`command failed: ${response.status} ${await response.text()}`);
}

/** The service worker controls the page and the last snapshot is saved: the kiosk is ready to lose the server. */
export async function readyForOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 45_000 });
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('showfloor-kiosk');
        open.onsuccess = () => {
          const get = open.result.transaction('saved').objectStore('saved').get('last');
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    undefined,
    { timeout: 20_000, polling: 500 },
  );
}

/** The visitor touches attract mode. */
export async function touchToStart(page: Page): Promise<void> {
  await page.getByRole('button', { name: '触摸开始 · Touch to start' }).click();
}

/** A finger swiping from right to left across the page (real touch input, through the DevTools protocol). */
export async function swipeLeft(page: Page): Promise<void> {
  const area = (await page.getByRole('article').boundingBox())!;
  const y = Math.round(area.y + area.height / 2);
  const x = (share: number) => Math.round(area.x + area.width * share);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x(0.8), y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x(0.5), y: y + 8 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x(0.2), y: y + 12 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Today's interaction totals of a section, as the server counts them. */
export async function interactions(url: string, section: string): Promise<{ taps: number; views: number; dwellCount: number }> {
  const totals = (await snapshot(url)).counters.interactions.bySection[section];
  return { taps: totals?.taps ?? 0, views: totals?.views ?? 0, dwellCount: totals?.dwellCount ?? 0 };
}

/**
 * A copy of the built pages whose version.json names another build: to the kiosks it serves, the
 * server runs a newer version than theirs.
 */
export function pagesOfAnotherVersion(): string {
  const dir = temporaryDir('showfloor-kiosk-web-');
  if (existsSync(resolve(WEB_DIR, 'index.html'))) cpSync(WEB_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'version.json'), `${JSON.stringify({ version: '9.9.9+newer' })}\n`);
  return dir;
}

/**
 * The fixture content plus a picture on alpha-item-1, in a temporary folder: the kiosk must look
 * finished with photos as well as without.
 */
export function contentWithPicture(): string {
  const dir = temporaryDir('showfloor-kiosk-content-');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  mkdirSync(join(dir, 'images'), { recursive: true });
  writeFileSync(
    join(dir, 'images', 'skyline.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1f4e79"/><stop offset="1" stop-color="#e2bd72"/></linearGradient></defs><rect width="1600" height="900" fill="url(#s)"/><path d="M0 700 L200 520 L320 610 L520 380 L700 560 L900 300 L1100 520 L1300 420 L1600 640 L1600 900 L0 900Z" fill="#0a1430"/><circle cx="1250" cy="220" r="90" fill="#fff4d6"/></svg>`,
  );
  const itemPath = join(dir, 'sections', 'alpha', 'items', 'alpha-item-1.json');
  const item = JSON.parse(readFileSync(itemPath, 'utf8')) as Record<string, unknown>;
  item.images = [{ src: 'skyline.svg', alt: { 'zh-CN': '城市天际线', en: 'City skyline' } }];
  writeFileSync(itemPath, JSON.stringify(item, null, 2));
  return dir;
}
