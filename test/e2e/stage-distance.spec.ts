import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { Simulator } from '../../server/rehearsal/simulator';
import { createDevice, postEvents, startTestServer, type TestServer } from '../support/test-server';
import { expect, openPairedStage, scene, SCREENSHOTS, sendCommandWhenOnline, test, WEB_DIR } from './stage-helpers';

/**
 * The stage read from 10 m: at 1920×1080 no visible text under 24 px and no text cut off or
 * spilling out of its box, on every scene, with a rehearsal day's data (the simulator's meetings,
 * agreements and roadshow, and visitors since the doors opened) and the shipped content.
 */
test.describe.configure({ timeout: 240_000 });

const CONTENT_DIR = resolve(import.meta.dirname, '../../content');
const MIN_TEXT_PX = 24;
let server: TestServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTestServer({ WEB_DIR, CONTENT_DIR, SHOWFLOOR_REHEARSAL: 'true' });
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const simulator = new Simulator(server.server, { speed: 6_000, random });
  await simulator.start();
  // Long enough for meetings, agreements in several countries and industries, and scored pitches.
  await new Promise((done) => setTimeout(done, 8_000));
  simulator.stop();

  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
  const items = snapshot.sections.flatMap((section) => section.items.map((item) => ({ section: section.id, item: item.id })));
  const sensor = await createDevice(server.url, { name: 'Hall door', role: 'sensor' });
  const now = Date.now();
  const hangzhouMidnight = now - ((now + 8 * 3_600_000) % 86_400_000);
  const window = Math.min(4 * 3_600_000, now - hangzhouMidnight - 60_000);
  const at = () => new Date(now - Math.max(0, window * (1 - Math.sqrt(random())))).toISOString();
  const visits = Array.from({ length: 1_200 }, () => ({ id: crypto.randomUUID(), type: 'visit', section: items[Math.floor(random() * items.length)]!.section, at: at() }));
  for (let i = 0; i < visits.length; i += 500) expect((await postEvents(server.url, sensor.token, { events: visits.slice(i, i + 500) })).status).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
});

interface Problem {
  text: string;
  problem: string;
}

/** Every visible piece of text that is too small, cut off, or outside its box or the screen. */
async function textProblems(page: Page, minPx: number): Promise<Problem[]> {
  return page.evaluate((min) => {
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
    }
    return problems;
  }, minPx);
}

for (const id of ['overview', 'visitors', 'matchmaking', 'roadshow'] as const) {
  test(`the ${id} scene at 1920×1080: no text under ${MIN_TEXT_PX} px, none cut off`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const stage = await openPairedStage(page, server, { sceneSeconds: 600, name: `Stage ${id}` });
    await sendCommandWhenOnline(server, stage.id, { type: 'pin-scene', scene: id });
    await expect(scene(page, id)).toBeVisible();
    // Count-ups, crossfades and the charts' first animation are over.
    await page.waitForTimeout(2_500);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-distance-${id}.png` });
    expect(await textProblems(page, MIN_TEXT_PX)).toEqual([]);
    // Key figures are at least 96 px (6rem; the root size 0.8333vw is a hair under 16 px at 1920).
    const figures = await page.locator('[data-scene] [data-testid^="counter-"]').evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
    for (const size of figures) expect(size).toBeGreaterThanOrEqual(95.95);
    if (id === 'overview' || id === 'matchmaking') expect(figures.length).toBeGreaterThanOrEqual(3);
    // The exhibition's title is never cut.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('我们在杭州');
  });
}
