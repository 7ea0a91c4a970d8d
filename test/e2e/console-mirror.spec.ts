import type { Locator } from '@playwright/test';
import { approvePairing, expectPairedAs, touchToStart } from './kiosk-helpers';
import { expect, expectConnected, openScreen, shot, signInToConsole, test } from './console-helpers';
import { openPairedStage, scene, sendCommandWhenOnline } from './stage-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 900 } });

/** What the miniature draws: the screen's own app, inside the miniature's iframe. */
const drawn = (mirror: Locator) => mirror.locator('iframe').contentFrame();

test("a kiosk's miniature on the Screens page, drawn by the kiosk's own app, follows a visitor's taps within 2 seconds, and greys when the kiosk goes silent", async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  const kiosk = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.page.goto('/kiosk/');
  const code = (await kiosk.page.getByTestId('pairing-code').textContent())!.trim();
  await approvePairing(showfloor.url, code, { name: 'Booth 7' });
  await expectPairedAs(kiosk.page, 'Booth 7');

  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Screens' }).click();
  const mirror = page.getByTestId('mirror-Booth 7');
  await expect(mirror).toHaveAttribute('data-view', 'attract');
  await expect(drawn(mirror).getByText('Touch to start')).toBeVisible();
  await expect(drawn(mirror).locator('[data-paired-as="Booth 7"]')).toBeVisible();

  // A visitor, on the kiosk: each tap shows on the miniature within 2 s.
  await touchToStart(kiosk.page);
  await expect(mirror).toHaveAttribute('data-view', 'home', { timeout: 2_000 });
  const tapped = Date.now();
  await kiosk.page.getByRole('button', { name: 'alpha板块' }).click();
  await expect(mirror).toHaveAttribute('data-view', 'section', { timeout: 2_000 });
  await expect(drawn(mirror).getByRole('heading', { name: 'alpha板块' })).toBeVisible({ timeout: 2_000 });
  test.info().annotations.push({ type: 'miniature followed the tap after (ms)', description: String(Date.now() - tapped) });
  await kiosk.page.getByRole('button', { name: 'alpha展项1' }).click();
  const kioskTitle = kiosk.page.getByRole('heading', { level: 1 });
  await expect(kioskTitle).toHaveText('alpha展项1');
  await expect(drawn(mirror).getByRole('heading', { level: 1 })).toHaveText('alpha展项1', { timeout: 2_000 });
  // The language switch: the same title as the kiosk shows, within 2 s of the tap.
  await kiosk.page.getByRole('button', { name: 'English' }).click();
  await expect(kioskTitle).toHaveText('alpha item 1');
  await expect(drawn(mirror).getByRole('heading', { level: 1 })).toHaveText((await kioskTitle.textContent())!, { timeout: 2_000 });
  await expect(mirror).toContainText('item · alpha item 1 · EN');
  await shot(page, 'mirror');

  // Click to enlarge.
  await page.getByRole('button', { name: 'Enlarge Booth 7' }).click();
  const dialog = page.getByRole('dialog', { name: 'Booth 7' });
  await expect(drawn(dialog).getByRole('heading', { level: 1 })).toHaveText('alpha item 1');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The kiosk goes away: its last picture stays, greyed, with the time it was last seen.
  await kiosk.context.close();
  await expect(mirror).toContainText('silent, last seen', { timeout: 10_000 });
  await expect(drawn(mirror).getByRole('heading', { level: 1 })).toHaveText('alpha item 1');
});

test("a door counter's miniature shows the door's own count as staff tap +1", async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  const door = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await door.page.setViewportSize({ width: 390, height: 844 });
  await door.page.goto('/door/');
  await expect(door.page.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/, { timeout: 15_000 });
  const code = (await door.page.getByTestId('pairing-code').textContent())!.trim();
  await approvePairing(showfloor.url, code, { name: 'North door', role: 'door' });
  const plus = door.page.getByRole('button', { name: '+1 进场 · +1 entry' });
  await expect(plus).toBeVisible({ timeout: 15_000 });

  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Screens' }).click();
  const mirror = page.getByTestId('mirror-North door');
  await expect(drawn(mirror).getByTestId('door-tally')).toHaveText('0');
  for (let i = 0; i < 3; i++) await plus.click();
  await expect(door.page.getByTestId('door-tally')).toHaveText('3');
  await expect(drawn(mirror).getByTestId('door-tally')).toHaveText('3', { timeout: 2_000 });
  await expect(mirror).toContainText('Door counter · 3 today');
  await shot(page, 'mirror-door');
});

test("a stage display's miniature shows the stage's own scene, and follows when the operator pins another", async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  const stage = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await stage.page.setViewportSize({ width: 1920, height: 1080 });
  const { id } = await openPairedStage(stage.page, showfloor, { name: 'Main stage', sceneSeconds: 600 });
  await expect(scene(stage.page, 'overview')).toBeVisible({ timeout: 20_000 });

  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Screens' }).click();
  const mirror = page.getByTestId('mirror-Main stage');
  await expect(scene(drawn(mirror), 'overview')).toBeVisible({ timeout: 10_000 });
  await sendCommandWhenOnline(showfloor, id, { type: 'pin-scene', scene: 'roadshow' });
  await expect(scene(stage.page, 'roadshow')).toBeVisible({ timeout: 10_000 });
  await expect(scene(drawn(mirror), 'roadshow')).toBeVisible({ timeout: 2_000 });
  await expect(mirror).toContainText('Stage · ');
  await shot(page, 'mirror-stage');
});
