/*
 * `npm run screenshots`: the README's pictures of every app and every console page, kept in
 * docs/screenshots/. It builds the pages from the current sources (as the benches do), starts a
 * showfloor with the bundled exhibition and a rehearsal day's data (the stage's distance checks use
 * the same day), pairs a kiosk, a stage display and a door counter as an operator would, signs in to
 * the console as admin, and saves each view as a PNG of modest size (see png.ts).
 */
import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../bench/page-rig';
import { prepareWebDir } from '../bench/web-dir';
import { playRehearsalDay } from '../support/rehearsal-day';
import { ADMIN_PASSWORD, createDevice, signIn, startTestServer, type TestServer } from '../support/test-server';
import { savePng } from './png';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'docs/screenshots');
const STAGE_SCENES = ['overview', 'visitors', 'matchmaking', 'roadshow'] as const;
const CONSOLE_PAGES = ['content', 'announcements', 'fleet', 'counters', 'matchmaking', 'roadshow', 'schedule', 'audit', 'users'] as const;
/** Count-ups, crossfades and the charts' first animation: over after this. */
const SETTLE_MS = 2_500;

const settle = (page: Page, ms = SETTLE_MS) => page.waitForTimeout(ms);

async function shot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ animations: 'disabled' });
  const bytes = await savePng(png, resolve(OUT, `${name}.png`));
  process.stdout.write(`  ${name}.png ${(bytes / 1024).toFixed(0)} KB\n`);
}

/** An operator approves the pairing code a screen shows. */
async function approve(server: TestServer, page: Page, approval: Record<string, unknown>): Promise<string> {
  const code = (await page.getByTestId('pairing-code').textContent())?.trim();
  if (!code) throw new Error(`no pairing code on ${page.url()}`);
  const response = await fetch(`${server.url}/api/v1/pairing/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url) },
    body: JSON.stringify({ code, ...approval }),
  });
  if (response.status !== 201) throw new Error(`pairing ${JSON.stringify(approval)} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function command(server: TestServer, deviceId: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/devices/${deviceId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url) },
    body: JSON.stringify(body),
  });
  if (response.status !== 202) throw new Error(`command ${JSON.stringify(body)} failed: ${response.status} ${await response.text()}`);
}

async function kiosk(browser: Browser, server: TestServer): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(`${server.url}/kiosk/`);
  await approve(server, page, { name: 'Booth 1', role: 'booth', idleTimeoutSeconds: 600 });
  await page.locator('[data-paired-as]').waitFor();
  await settle(page);
  await shot(page, 'kiosk-attract');
  await page.getByRole('button', { name: '触摸开始 · Touch to start' }).click();
  await page.locator('button.tile[data-section]').first().waitFor();
  await settle(page, 1_000);
  await shot(page, 'kiosk-home');
  await page.locator('button.tile[data-section]').first().click();
  await page.locator('button.card').first().click();
  await page.getByRole('article').waitFor();
  await settle(page, 1_500);
  await shot(page, 'kiosk-item');
  await page.close();
}

async function stage(browser: Browser, server: TestServer): Promise<void> {
  const device = await createDevice(server.url, { name: 'Stage left', role: 'stage', sceneSeconds: 600 });
  const credentials = JSON.stringify({
    token: device.token,
    config: { id: device.id, name: 'Stage left', role: 'stage', section: null, idleTimeoutSeconds: 60, sceneSeconds: 600, locale: 'zh-CN' },
  });
  for (const size of [{ width: 1920, height: 1080, scenes: STAGE_SCENES }, { width: 3840, height: 2160, scenes: ['visitors'] as const }]) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), ['showfloor.device.v1', credentials] as const);
    await page.goto(`${server.url}/stage/`);
    await page.locator('[data-scene]').first().waitFor();
    for (const scene of size.scenes) {
      await command(server, device.id, { type: 'pin-scene', scene });
      await page.locator(`[data-scene="${scene}"]`).waitFor();
      await settle(page);
      await shot(page, size.width === 1920 ? `stage-${scene}` : `stage-4k-${scene}`);
    }
    await page.close();
  }
}

async function phoneAndDoor(browser: Browser, server: TestServer): Promise<void> {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, timezoneId: 'Asia/Shanghai' };
  const page = await browser.newPage({ ...phone, locale: 'zh-CN' });
  await page.goto(`${server.url}/m/`);
  await page.locator('main [data-section]').first().waitFor();
  await settle(page, 1_500);
  await shot(page, 'phone');
  await page.close();

  const door = await browser.newPage({ ...phone, locale: 'zh-CN' });
  await door.goto(`${server.url}/door/`);
  await approve(server, door, { name: 'North door', role: 'door' });
  await door.getByTestId('door-status').waitFor();
  await settle(door, 1_500);
  await shot(door, 'door');
  await door.close();
}

async function consolePages(browser: Browser, server: TestServer): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en', timezoneId: 'Asia/Shanghai' });
  await page.goto(`${server.url}/console/`);
  await page.getByRole('group', { name: /界面语言|Interface language/ }).getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  for (const name of CONSOLE_PAGES) {
    await page.goto(`${server.url}/console/${name}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await settle(page, 2_000);
    await shot(page, `console-${name}`);
  }
  // The item editor, the content page's main work.
  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
  const section = snapshot.sections[0]!;
  await page.goto(`${server.url}/console/content/${section.id}/${section.items[0]!.id}`);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await settle(page, 2_500);
  await shot(page, 'console-item-editor');
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  process.stdout.write('building the pages…\n');
  const web = await prepareWebDir();
  const server = await startTestServer({ WEB_DIR: web.dir, CONTENT_DIR: resolve(ROOT, 'content'), SHOWFLOOR_REHEARSAL: 'true', PUBLIC_URL: 'http://192.168.1.10:3000' });
  const browser = await launchChromium();
  try {
    process.stdout.write('playing a rehearsal day…\n');
    await playRehearsalDay(server);
    process.stdout.write(`writing ${OUT}:\n`);
    await kiosk(browser, server);
    await stage(browser, server);
    await phoneAndDoor(browser, server);
    await consolePages(browser, server);
  } finally {
    await browser.close();
    await server.stop();
    web.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
