import { approvePairing, expectPairedAs, touchToStart } from './kiosk-helpers';
import { expect, expectConnected, openScreen, shot, signInToConsole, test } from './console-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 900 } });

test("a kiosk's miniature on the Screens page follows a visitor's taps within 2 seconds, and greys when the kiosk goes silent", async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
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
  await expect(mirror).toContainText('Touch to start');

  // A visitor, on the kiosk: each tap shows on the miniature within 2 s.
  await touchToStart(kiosk.page);
  await expect(mirror).toHaveAttribute('data-view', 'home', { timeout: 2_000 });
  const tapped = Date.now();
  await kiosk.page.getByRole('button', { name: 'alpha板块' }).click();
  await expect(mirror).toHaveAttribute('data-view', 'section', { timeout: 2_000 });
  await expect(mirror).toContainText('alpha板块', { timeout: 2_000 });
  test.info().annotations.push({ type: 'miniature followed the tap after (ms)', description: String(Date.now() - tapped) });
  await kiosk.page.getByRole('button', { name: 'alpha展项1' }).click();
  await expect(mirror).toHaveAttribute('data-view', 'item', { timeout: 2_000 });
  await kiosk.page.getByRole('button', { name: 'English' }).click();
  await expect(mirror).toContainText('alpha item 1', { timeout: 2_000 });
  await expect(mirror).toContainText('EN');
  await shot(page, 'mirror');

  // Click to enlarge.
  await page.getByRole('button', { name: 'Enlarge Booth 7' }).click();
  await expect(page.getByRole('dialog', { name: 'Booth 7' })).toContainText('alpha item 1');
  await page.getByRole('dialog', { name: 'Booth 7' }).getByRole('button', { name: 'Close' }).click();

  // The kiosk goes away: its last picture stays, greyed, with the time it was last seen.
  await kiosk.context.close();
  await expect(mirror).toContainText('silent, last seen', { timeout: 10_000 });
  await expect(mirror).toContainText('alpha item 1');
});
