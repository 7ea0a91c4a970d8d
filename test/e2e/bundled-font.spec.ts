import type { Locator, Page } from '@playwright/test';
import { NETWORK_ERRORS, openPairedKiosk, readyForOffline, test, VIEWPORTS } from './kiosk-helpers';
import { expect, openPairedStage } from './stage-helpers';

/**
 * The visitor screens set Chinese in the bundled face (Noto Sans SC from our own origin, split by
 * unicode-range), not in whatever the screen's system has: kiosk, stage and phone, and the kiosk
 * still has it after a cold start with the server gone (its service worker precached the slices).
 */

const FAMILY = 'Noto Sans SC';

interface FontUse {
  /** The first family of the element's computed font-family. */
  family: string;
  /** Characters of the element's text no loaded face of the bundled family covers. */
  uncovered: string;
  loaded: number;
  failed: number;
}

/** How the text of `element` is set: its family, and whether loaded slices of the bundled face cover every character. */
async function fontUse(element: Locator): Promise<FontUse> {
  return element.evaluate(async (el, family) => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((face) => face.family.replaceAll('"', '') === family);
    const loaded = faces.filter((face) => face.status === 'loaded');
    const ranges = loaded.flatMap((face) =>
      face.unicodeRange.split(',').map((part) => {
        const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from, 16), parseInt(to ?? from, 16)] as const;
      }),
    );
    const text = (el.textContent ?? '').replace(/\s/g, '');
    const uncovered = [...text].filter((char) => {
      const point = char.codePointAt(0)!;
      return !ranges.some(([from, to]) => point >= from && point <= to);
    });
    return {
      family: getComputedStyle(el).fontFamily.split(',')[0]!.trim().replaceAll('"', ''),
      uncovered: uncovered.join(''),
      loaded: loaded.length,
      failed: faces.filter((face) => face.status === 'error').length,
    };
  }, FAMILY);
}

async function expectBundledFace(element: Locator): Promise<void> {
  await expect(element).toBeVisible();
  await expect.poll(async () => (await fontUse(element)).uncovered, { timeout: 15_000 }).toBe('');
  const use = await fontUse(element);
  expect(use.family).toBe(FAMILY);
  expect(use.failed).toBe(0);
  // Split by unicode-range: a page loads the slices its text needs, not the whole face (~100 slices a weight).
  expect(use.loaded).toBeGreaterThan(0);
  expect(use.loaded).toBeLessThan(100);
}

async function attractCall(page: Page): Promise<Locator> {
  return page.getByRole('button', { name: '触摸开始 · Touch to start' });
}

test.describe('the bundled Chinese face', () => {
  test.use({ viewport: VIEWPORTS.portrait });

  test('the kiosk sets its Chinese in the bundled face, also after a cold start without the server', async ({ page, showfloor, toleratedErrors }) => {
    await openPairedKiosk(page, showfloor, { name: 'Font booth' });
    await expectBundledFace(await attractCall(page));
    await expectBundledFace(page.getByRole('heading', { level: 1 }));
    await readyForOffline(page);

    toleratedErrors.push(NETWORK_ERRORS);
    await showfloor.stop({ keepData: true });
    await page.reload();
    await expect(page.getByTestId('offline-badge')).toContainText('离线 · Offline');
    await expectBundledFace(await attractCall(page));
    await expectBundledFace(page.getByRole('heading', { level: 1 }));
    // Words the kiosk has not shown yet (the idle question, the rehearsal mark, a section of the
    // shipped exhibition): their slices come from the precache, in both weights.
    const offline = await page.evaluate(async (family) => {
      const text = '还在浏览吗？演练数据 钱塘江畔 大赛报名项目';
      try {
        const faces = [...(await document.fonts.load(`400 16px "${family}"`, text)), ...(await document.fonts.load(`700 16px "${family}"`, text))];
        return { faces: faces.length, error: '' };
      } catch (error) {
        return { faces: 0, error: String(error) }; // a slice the worker does not have
      }
    }, FAMILY);
    expect(offline).toEqual({ faces: expect.any(Number), error: '' });
    expect(offline.faces).toBeGreaterThan(0);
  });

  test('the stage and the phone set their Chinese in the bundled face', async ({ page, showfloor }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openPairedStage(page, showfloor, { sceneSeconds: 600, name: 'Font stage' });
    await expectBundledFace(page.getByRole('heading', { level: 1 }));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/m/?lang=zh');
    await expectBundledFace(page.getByRole('heading', { level: 1 }));
  });
});
