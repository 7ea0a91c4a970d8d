import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expectConnected, signInToConsole, test as consoleTest } from './console-helpers';
import { expect, test, touchToStart, VIEWPORTS, type Orientation } from './kiosk-helpers';

/**
 * WCAG 2.1 A and AA checks (axe-core) on what visitors see: colour contrast, names of controls,
 * language of the page, landmarks. Each view is checked as it is on screen, after the live data came in.
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // Each finding names the rule, the element and axe's own account (for contrast: both colours and the ratio).
  return result.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary ?? ''}`));
}

/** Controls on screen smaller than 48 × 48 CSS pixels (the kiosk's touch-target minimum), by name. */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], input, select')]
      .filter((element) => element.checkVisibility())
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 47.5 || box.height < 47.5)
      .map(({ element, box }) => `${element.getAttribute('aria-label') ?? element.textContent?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
}

for (const orientation of Object.keys(VIEWPORTS) as Orientation[]) {
  test(`the ${orientation} kiosk meets WCAG AA, with touch targets of 48 px or more, in attract mode, on the home, a section and an item, in both languages`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS[orientation]);
    await page.goto('/kiosk/');
    await expect(page.getByRole('status')).toHaveText('在线 · Online');
    expect.soft(await violations(page), 'attract mode').toEqual([]);

    await touchToStart(page);
    expect.soft(await violations(page), 'home').toEqual([]);
    expect.soft(await smallTouchTargets(page), 'touch targets on the home').toEqual([]);
    await page.getByRole('button', { name: 'alpha板块' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');
    expect.soft(await violations(page), 'section').toEqual([]);
    expect.soft(await smallTouchTargets(page), 'touch targets on the section').toEqual([]);
    await page.getByRole('button', { name: 'alpha展项1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
    expect.soft(await violations(page), 'item').toEqual([]);
    expect.soft(await smallTouchTargets(page), 'touch targets on the item').toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha item 1');
    expect.soft(await violations(page), 'item in English').toEqual([]);
  });
}

test('the phone page meets WCAG AA on its home, a section and an item', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/m/', '/m/sections/alpha', '/m/item/alpha-item-1', '/m/roadshow']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect.soft(await violations(page), path).toEqual([]);
  }
});

test('the stage display meets WCAG AA contrast and naming', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/stage/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  expect.soft(await violations(page)).toEqual([]);
});

consoleTest('the console meets WCAG AA on its sign-in form and its main pages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/console/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect.soft(await violations(page), 'sign-in').toEqual([]);
  await signInToConsole(page);
  for (const path of ['/console/content/alpha/alpha-item-1', '/console/announcements', '/console/fleet', '/console/counters', '/console/matchmaking', '/console/roadshow', '/console/audit', '/console/users']) {
    await page.goto(path);
    await expectConnected(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect.soft(await violations(page), path).toEqual([]);
  }
});

consoleTest('every page of the console is in view in its navigation, on a laptop and on a tablet', async ({ page }) => {
  await signInToConsole(page);
  await expectConnected(page);
  const links = page.getByRole('navigation', { name: 'Console' }).getByRole('link');
  await expect(links).toHaveCount(9);
  for (const viewport of [{ width: 1280, height: 800 }, { width: 768, height: 1024 }]) {
    await page.setViewportSize(viewport);
    const outOfView = await links.evaluateAll((elements) =>
      elements.filter((element) => {
        // The list scrolls sideways when it overflows: a link past its edges is cut off from view.
        const box = element.getBoundingClientRect();
        const list = element.closest('ul')!.getBoundingClientRect();
        return box.left < Math.max(0, list.left) - 1 || box.right > Math.min(window.innerWidth, list.right) + 1;
      }).map((element) => element.textContent?.trim()),
    );
    expect.soft(outOfView, `pages cut off at ${viewport.width} px`).toEqual([]);
  }
});
