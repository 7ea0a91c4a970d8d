import { expect, openPairedKiosk, pagesOfAnotherVersion, test, touchToStart, shot, VIEWPORTS } from './kiosk-helpers';

test.use({ viewport: VIEWPORTS.portrait, webDir: pagesOfAnotherVersion() });

test('a new app version installs at the next idle moment, never in the middle of a visit', async ({ page, showfloor }) => {
  test.setTimeout(180_000);
  await openPairedKiosk(page, showfloor, { name: 'Update booth', idleTimeoutSeconds: 10 });
  // The marker survives only as long as the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await touchToStart(page);
  await page.getByRole('button', { name: 'alpha板块' }).click();
  await page.getByRole('button', { name: 'alpha展项1' }).click();

  // A visitor reading (touching now and then) for longer than the update waits: no reload.
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(7_000);
    await page.mouse.move(200, 600);
    await page.mouse.down();
    await page.mouse.up();
  }
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');

  // The visitor leaves; at the idle reset the kiosk takes the new version (a reload, in attract mode).
  await expect(page.getByRole('button', { name: '触摸开始 · Touch to start' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => 'sameDocument' in window).catch(() => 'reloading'), { timeout: 60_000, intervals: [1_000] }).toBe(false);
  await expect(page.getByRole('button', { name: '触摸开始 · Touch to start' })).toBeVisible();
  await shot(page, 'updated-in-attract-mode');
});
