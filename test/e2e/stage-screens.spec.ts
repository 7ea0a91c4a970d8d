import { resolve } from 'node:path';
import { createDevice, postEvents, signIn, startTestServer, type TestServer } from '../support/test-server';
import { expect, openPairedStage, postAnnouncement, scene, SCREENSHOTS, sendCommandWhenOnline, STAGE_TEST_TIMEOUT, test, WEB_DIR } from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

/**
 * Screenshots of the stage at its two sizes, with the real exhibition content and a day's worth of
 * plausible figures, saved under test-results/ for people to look at.
 */

const CONTENT_DIR = resolve(import.meta.dirname, '../../content');
let server: TestServer;

test.beforeAll(async () => {
  test.setTimeout(STAGE_TEST_TIMEOUT);
  server = await startTestServer({ WEB_DIR, CONTENT_DIR });
  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
  const items = snapshot.sections.flatMap((section) => section.items.map((item) => ({ section: section.id, item: item.id })));
  const sensor = await createDevice(server.url, { name: 'Hall door', role: 'sensor' });
  const booth = await createDevice(server.url, { name: 'Booth', role: 'booth' });
  // Visitors since the doors opened (up to four hours ago, never before midnight in Hangzhou), busier lately.
  const now = Date.now();
  // Hangzhou is at UTC+8 all year (no daylight saving time).
  const hangzhouMidnight = now - ((now + 8 * 3_600_000) % 86_400_000);
  const window = Math.min(4 * 3_600_000, now - hangzhouMidnight - 60_000);
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const at = () => new Date(now - Math.max(0, window * (1 - Math.sqrt(random())))).toISOString();
  const visits = Array.from({ length: 1_480 }, () => {
    const pick = items[Math.floor(random() ** 1.6 * items.length)]!;
    return { id: crypto.randomUUID(), type: 'visit', section: pick.section, at: at() };
  });
  const interest = Array.from({ length: 1_900 }, (_, i) => {
    const pick = items[Math.floor(random() ** 2.2 * items.length)]!;
    return i % 3 === 0
      ? { id: crypto.randomUUID(), type: 'tap', section: pick.section, at: at() }
      : { id: crypto.randomUUID(), type: 'view', section: pick.section, item: pick.item, at: at() };
  });
  for (let i = 0; i < visits.length; i += 500) expect((await postEvents(server.url, sensor.token, { events: visits.slice(i, i + 500) })).status).toBe(200);
  for (let i = 0; i < interest.length; i += 500) expect((await postEvents(server.url, booth.token, { events: interest.slice(i, i + 500) })).status).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
});

for (const { name, width, height } of [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
]) {
  test(`the stage at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const stage = await openPairedStage(page, server, { sceneSeconds: 60, name: `Screens ${name}` });
    await expect(page.getByTestId('counter-visitors-today')).toHaveText('1,480');
    // Counting up and the charts' first animation are over.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-${name}.png` });

    await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: 'visitors' });
    await expect(scene(page, 'visitors')).toBeVisible();
    // A 4K frame in software rendering on a busy test machine is slow: give the crossfade time.
    await expect(scene(page, 'overview')).toHaveCount(0, { timeout: 15_000 });
    await page.waitForTimeout(1_200);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-${name}-visitors.png` });
  });
}

test('an announcement on the stage at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${server.url}/stage/`);
  await expect(scene(page, 'overview')).toBeVisible();
  const { id } = await postAnnouncement(
    server,
    { text: { 'zh-CN': '海外人才项目路演将于 14:00 在主舞台开始', en: 'The overseas talent project roadshow starts at 14:00 on the main stage' }, target: 'all' },
    60_000,
  );
  await expect(scene(page, 'announcement')).toBeVisible();
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: `${SCREENSHOTS}/stage-announcement.png` });
  await fetch(`${server.url}/api/v1/announcements/${id}`, { method: 'DELETE', headers: { cookie: await signIn(server.url) } });
  await expect(scene(page, 'announcement')).toHaveCount(0);
});
