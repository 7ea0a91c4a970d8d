import type { Locator, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { startTestServer } from '../support/test-server';
import { expect, openPairedKiosk, shot, test, touchToStart, VIEWPORTS, WEB_DIR } from './kiosk-helpers';

/** The exhibition as shipped (five sections, long English titles), not the two-section fixture. */
test.use({ contentDir: resolve(import.meta.dirname, '../../content') });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is laid out').not.toBeNull();
  return found!;
}

/** Visible text of the attract screen that names the software rather than the exhibition. */
async function internalText(page: Page): Promise<string[]> {
  const text = await page.locator('.attract').innerText();
  return ['Version', '版本', 'Booth kiosk', '展台屏', __dirnameSafe()].filter((word) => word && text.includes(word));
}
const __dirnameSafe = () => '0.1.0+';

for (const orientation of ['portrait', 'landscape'] as const) {
  test(`the ${orientation} attract screen shows no version or role, and the pairing box never covers "touch to start"`, async ({ page, showfloor }) => {
    await page.setViewportSize(VIEWPORTS[orientation]);
    await page.goto('/kiosk/');
    const cta = page.getByRole('button', { name: '触摸开始 · Touch to start' });
    const pairing = page.getByRole('complementary', { name: '配对码 · Pairing code' });
    await expect(page.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/);
    await expect(cta).toBeVisible();
    expect(overlaps(await box(cta), await box(pairing)), 'the pairing box overlaps the call to touch').toBe(false);
    // The CTA is the element on top at its centre: nothing covers it.
    const ctaBox = await box(cta);
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent?.trim() ?? null, [ctaBox.x + ctaBox.width / 2, ctaBox.y + ctaBox.height / 2]);
    expect(onTop).toBe('触摸开始 · Touch to start');
    expect(await internalText(page)).toEqual([]);
    await shot(page, `${orientation}-attract-unpaired`);

    // Paired, the screen's name is not on it either: only the identify overlay shows name, role and version.
    await page.goto('/kiosk/');
    const name = `Experts booth ${orientation}`;
    await openPairedKiosk(page, showfloor, { name, section: 'experts' });
    await expect(page.getByTestId('booth-section')).toContainText('重点外国专家');
    expect(await page.locator('.attract').innerText()).not.toContain(name);
    expect(await internalText(page)).toEqual([]);
    await shot(page, `${orientation}-attract-paired`);
  });
}

test('the landscape home in English shows all five sections without scrolling', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.landscape);
  await page.goto('/kiosk/');
  await touchToStart(page);
  await page.getByRole('button', { name: 'English' }).click();
  const tiles = page.locator('.tiles .tile');
  await expect(tiles).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const tile = await box(tiles.nth(i));
    expect(tile.y + tile.height, `tile ${i + 1} ends inside the screen`).toBeLessThanOrEqual(VIEWPORTS.landscape.height);
    expect(tile.y).toBeGreaterThanOrEqual(0);
  }
  // Above the live strip, not under it.
  const strip = await box(page.getByRole('contentinfo'));
  const last = await box(tiles.nth(4));
  expect(last.y + last.height).toBeLessThanOrEqual(strip.y + 1);
  await shot(page, 'landscape-home-en');

  // Every tile carries its section's illustration, and the pictures load.
  const art = page.locator('.tiles .tile img');
  await expect(art).toHaveCount(5);
  await expect.poll(() => art.evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length)).toBe(5);
});

test("the attract loop and an item page show the item's illustration", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.portrait);
  await page.goto('/kiosk/');
  const picture = page.getByTestId('highlight').locator('img');
  await expect(picture).toHaveAttribute('src', /\/media\/item-[a-z0-9-]+\.svg$/);
  await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await touchToStart(page);
  await page.getByRole('button', { name: /重点外国专家/ }).first().click();
  await page.getByRole('button', { name: /科瑞欧/ }).first().click();
  await expect(page.getByRole('img', { name: /插图/ }).first()).toBeVisible();
  await shot(page, 'portrait-item-illustration');
});

test('a rehearsal kiosk marks its figures as a rehearsal, in attract mode and during a visit', async ({ page, showfloor }) => {
  void showfloor;
  const rehearsal = await startTestServer({ WEB_DIR, SHOWFLOOR_REHEARSAL: 'true' });
  try {
    await page.setViewportSize(VIEWPORTS.portrait);
    await page.goto(`${rehearsal.url}/kiosk/`);
    await expect(page.getByRole('note')).toHaveText('演练数据 · Rehearsal data');
    await touchToStart(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('note')).toHaveText('Rehearsal data');
  } finally {
    await rehearsal.stop();
  }
});
