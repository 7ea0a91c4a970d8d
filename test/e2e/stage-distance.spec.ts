import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { playRehearsalDay } from '../support/rehearsal-day';
import { startTestServer, type TestServer } from '../support/test-server';
import { expect, openPairedStage, scene, SCREENSHOTS, sendCommandWhenOnline, test, WEB_DIR } from './stage-helpers';

/**
 * The stage read from 10 m: at 1920×1080 no visible text under 24 px, at 3840×2160 (its own
 * composition: more rows, two ticker lines) none under 48 px; key figures at 96 and
 * 192 px or more; no text cut off or spilling out of its box, and no label over more than two lines,
 * on every scene, with a rehearsal day's data (the simulator's meetings, agreements and roadshow,
 * and visitors since the doors opened) and the shipped content. Every label is bilingual (the
 * Chinese line and the English one are both on screen), so each check covers both languages.
 */
test.describe.configure({ timeout: 240_000 });

const CONTENT_DIR = resolve(import.meta.dirname, '../../content');
/** The two displays: the smallest text and the smallest key figure each must show. */
const DISPLAYS = [
  { name: '1920×1080', width: 1920, height: 1080, minTextPx: 24, minFigurePx: 96 },
  { name: '3840×2160', width: 3840, height: 2160, minTextPx: 48, minFigurePx: 192 },
] as const;
/** A label (one language's line of it) wraps to two lines at most; longer names are abbreviated by rule. */
const MAX_LINES = 2;
let server: TestServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTestServer({ WEB_DIR, CONTENT_DIR, SHOWFLOOR_REHEARSAL: 'true' });
  await playRehearsalDay(server);
});

test.afterAll(async () => {
  await server?.stop();
});

interface Problem {
  text: string;
  problem: string;
}

/** Every visible piece of text that is too small, cut off, outside its box or the screen, or over more than `maxLines` lines. */
async function textProblems(page: Page, minPx: number, maxLines: number): Promise<Problem[]> {
  return page.evaluate(([min, most]) => {
    const problems: { text: string; problem: string }[] = [];
    const visible = (el: Element) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
        if (node.classList.contains('visually-hidden')) return false;
      }
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    /** Each text's line fragments, to find two texts drawn over each other. */
    const fragments: { text: string; rect: DOMRect }[][] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || seen.has(el) || !visible(el)) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const size = Number.parseFloat(style.fontSize);
      if (size < min - 0.01) problems.push({ text, problem: `${size.toFixed(1)} px` });
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.right > innerWidth + 1 || rect.bottom > innerHeight + 1 || rect.left < -1 || rect.top < -1) problems.push({ text, problem: 'outside the screen' });
      // Text cut by its own box (ellipsis, line clamp, overflow hidden).
      for (let box: Element | null = el; box && box !== document.body; box = box.parentElement) {
        const s = getComputedStyle(box);
        const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible';
        if (!clips) continue;
        const b = box.getBoundingClientRect();
        if (rect.right > b.right + 1 || rect.bottom > b.bottom + 1 || rect.left < b.left - 1 || rect.top < b.top - 1) {
          problems.push({ text, problem: `clipped by <${box.tagName.toLowerCase()} class="${box.className}">` });
          break;
        }
      }
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') problems.push({ text, problem: 'cut off (width)' });
      // Lines: the distinct line boxes the text's fragments sit on (a fragment per line and per inline box).
      const lineHeight = Number.parseFloat(style.lineHeight) || size * 1.2;
      const tops: number[] = [];
      for (const fragment of range.getClientRects()) {
        if (fragment.width > 0 && !tops.some((top) => Math.abs(top - fragment.top) < lineHeight / 2)) tops.push(fragment.top);
      }
      if (tops.length > most) problems.push({ text, problem: `${tops.length} lines` });
      fragments.push([...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ text, rect: r })));
    }
    // Overlap: two texts whose line fragments cover each other (more than a quarter of the shorter
    // one's height and 2 px across; line boxes that only touch are fine).
    for (let a = 0; a < fragments.length; a++) {
      for (let b = a + 1; b < fragments.length; b++) {
        const hit = fragments[a]!.find(({ rect: r }) =>
          fragments[b]!.some(({ rect: q }) => {
            const across = Math.min(r.right, q.right) - Math.max(r.left, q.left);
            const down = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
            return across > 2 && down > Math.min(r.height, q.height) / 4;
          }),
        );
        if (hit) problems.push({ text: hit.text, problem: `overlaps "${fragments[b]![0]!.text}"` });
      }
    }
    return problems;
  }, [minPx, maxLines] as const);
}

for (const display of DISPLAYS) {
  for (const id of ['overview', 'visitors', 'matchmaking', 'roadshow'] as const) {
    test(`the ${id} scene at ${display.name}: no text under ${display.minTextPx} px, none cut off, labels on two lines at most`, async ({ page }) => {
      await page.setViewportSize({ width: display.width, height: display.height });
      const stage = await openPairedStage(page, server, { sceneSeconds: 600, name: `Stage ${id} ${display.name}` });
      await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: id });
      await expect(scene(page, id)).toBeVisible();
      // Count-ups, crossfades and the charts' first animation are over.
      await page.waitForTimeout(2_500);
      await page.screenshot({ path: `${SCREENSHOTS}/stage-distance-${id}-${display.width}.png` });
      expect(await textProblems(page, display.minTextPx, MAX_LINES)).toEqual([]);
      // Key figures: 6rem (the root size 0.8333vw is a hair under 16 px at 1920, 32 px at 3840).
      const figures = await page.locator('[data-scene] [data-testid^="counter-"]').evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
      for (const size of figures) expect(size).toBeGreaterThanOrEqual(display.minFigurePx - 0.05);
      if (id === 'overview' || id === 'matchmaking') expect(figures.length).toBeGreaterThanOrEqual(3);
      // The exhibition's title is never cut.
      await expect(page.getByRole('heading', { level: 1 })).toContainText('我们在杭州');
    });
  }
}

test('at 3840×2160 the stage shows more than at 1920×1080: more top items, countries and agreements, two ticker lines', async ({ page }) => {
  const shown = async (width: number, height: number) => {
    await page.setViewportSize({ width, height });
    const stage = await openPairedStage(page, server, { sceneSeconds: 600, name: `Stage density ${width}` });
    await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: 'overview' });
    await expect(scene(page, 'overview')).toBeVisible();
    const tickerLines = await page.locator('footer li:not(.visually-hidden)').count();
    await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: 'matchmaking' });
    await expect(scene(page, 'matchmaking')).toBeVisible();
    const agreements = await scene(page, 'matchmaking').locator('.deal').count();
    const countries = await scene(page, 'matchmaking').getByRole('img', { name: /^各国家洽谈与签约/ });
    await expect(countries).toHaveAttribute('aria-label', /;/);
    const countryCount = ((await countries.getAttribute('aria-label')) ?? '').split('; ').length;
    await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: 'visitors' });
    await expect(scene(page, 'visitors')).toBeVisible();
    // The top-items chart's accessible name lists what it draws: "最受关注展项 · Top items by interest: name: figure; name: figure…".
    const topItemsChart = scene(page, 'visitors').getByRole('img', { name: /^最受关注展项/ });
    await expect(topItemsChart).toHaveAttribute('aria-label', /;/);
    const topItems = ((await topItemsChart.getAttribute('aria-label')) ?? '').split('; ').length;
    return { tickerLines, agreements, countryCount, topItems };
  };
  const hd = await shown(1920, 1080);
  const uhd = await shown(3840, 2160);
  expect(uhd.countryCount).toBeGreaterThan(hd.countryCount);
  expect(uhd.tickerLines).toBe(2);
  expect(hd.tickerLines).toBe(1);
  expect(uhd.agreements).toBeGreaterThan(hd.agreements);
  expect(hd.topItems).toBe(6);
  expect(uhd.topItems).toBeGreaterThan(hd.topItems);
});
