import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';
import { doorSensor, expect, NETWORK_ERRORS, openPairedStage, scene, STAGE_TEST_TIMEOUT, test, WEB_DIR } from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

test.use({ viewport: { width: 1920, height: 1080 } });
// These tests take the server away on purpose: the browser logs its failed reconnection attempts.
test.beforeEach(({ toleratedErrors }) => {
  toleratedErrors.push(NETWORK_ERRORS);
});

/** Servers a test starts itself (it restarts them; the fixture's server is left alone). */
let servers: TestServer[] = [];
const dirs: string[] = [];
test.afterEach(async () => {
  for (const server of servers) await server.stop().catch(() => {});
  servers = [];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function restart(server: TestServer, env: Record<string, string>): Promise<TestServer> {
  await server.stop({ keepData: true });
  const again = await startTestServer({ DATA_DIR: server.dataDir, PORT: String(server.port), ...env });
  servers.push(again);
  return again;
}

test('keeps its figures while the server is away, says how old they are, and catches up after a restart', async ({ page }) => {
  const first = await startTestServer({ WEB_DIR });
  servers.push(first);
  await openPairedStage(page, first);
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  await (await doorSensor(first)).visits(5);
  const visitorsToday = page.getByTestId('counter-visitors-today');
  await expect(visitorsToday).toHaveText('5');
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await first.stop({ keepData: true });
  servers = servers.filter((s) => s !== first);
  await expect(page.getByRole('status')).toHaveText('重新连接中 · Reconnecting');
  await expect(page.getByTestId('figures-age')).toHaveText('数据更新于 刚刚 · Figures from just now');
  await expect(visitorsToday).toHaveText('5');
  await expect(scene(page, 'overview')).toBeVisible();

  const second = await startTestServer({ WEB_DIR, DATA_DIR: first.dataDir, PORT: String(first.port) });
  servers.push(second);
  await (await doorSensor(second)).visits(4);

  await expect(page.getByRole('status')).toHaveText('在线 · Online', { timeout: 20_000 });
  await expect(visitorsToday).toHaveText('9');
  await expect(page.getByTestId('figures-age')).toHaveCount(0);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('reloads itself between scenes when the server runs a new version of the pages, once', async ({ page }) => {
  const first = await startTestServer({ WEB_DIR });
  servers.push(first);
  await openPairedStage(page, first, { sceneSeconds: 5 });
  await expect(scene(page, 'overview')).toBeVisible();
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  // The same pages with another version: what a deploy of a new build looks like to an open screen.
  const newer = mkdtempSync(join(tmpdir(), 'showfloor-web-'));
  dirs.push(newer);
  cpSync(WEB_DIR, newer, { recursive: true });
  writeFileSync(join(newer, 'version.json'), `${JSON.stringify({ version: '9.9.9+newer' })}\n`);
  servers = servers.filter((s) => s !== first);
  const reloaded = page.waitForEvent('load', { timeout: 25_000 });
  await restart(first, { WEB_DIR: newer });

  // Back online, it finds the new version, and reloads at its next scene change (within 5 s).
  await reloaded;
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  await expect(scene(page, 'overview').or(scene(page, 'visitors'))).toBeVisible();

  // This build still differs from the server's (the copy kept the old pages): it does not reload again and again.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.waitForTimeout(12_000);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
});
