/**
 * Booth kiosk: the JavaScript the page loads (gzipped; budget 80 KB), how soon it paints on
 * localhost (first contentful paint and first section tile; budget 1 s each), and the attract
 * loop's smoothness (frames per second, long tasks), in Debian's Chromium.
 *
 * `benchKiosk()` is what `npm run bench` calls; `npx tsx test/bench/kiosk-bench.ts` runs it alone.
 * Each figure has a baseline from the same run and the same browser: the landing page `/` (static
 * HTML and CSS, no script), loaded cold the same number of times, alternating with the kiosk, and
 * left idle as long as the attract loop is watched. The ratios say what the kiosk adds to what
 * this machine needs to paint anything at all.
 *
 * Environment: KIOSK_BENCH_LOADS (cold loads per median, default 7), KIOSK_BENCH_ATTRACT_SECONDS
 * (default 10), SHOWFLOOR_WEB_DIR and CHROMIUM_PATH as for every bench.
 */
import type { Browser, Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { sleep } from './clock';
import { FRAME_RECORDER, startRecording, stopRecording, type FrameWindow } from './frame-recorder';
import { envNumber, median, openPageRig, round1 } from './page-rig';
import { measurePageWeight, type PageWeight } from './page-weight';
import { prepareWebDir } from './web-dir';

const VIEWPORT = { width: 1080, height: 1920 };

export interface KioskBenchSettings {
  loads: number;
  attractSeconds: number;
}

export const kioskSettingsFromEnv = (quick = false): KioskBenchSettings => ({
  loads: Math.round(envNumber('KIOSK_BENCH_LOADS', quick ? 3 : 7)),
  attractSeconds: envNumber('KIOSK_BENCH_ATTRACT_SECONDS', quick ? 4 : 10),
});

export interface KioskBenchResult {
  weight: PageWeight;
  loads: number;
  /** Medians over cold loads (new browser context: no cache, no service worker). `firstTileMs`: the first section tile on screen. */
  cold: { firstContentfulPaintMs: number; firstTileMs: number };
  /** The same after a reload with the service worker in control and the snapshot in IndexedDB. */
  warm: { firstContentfulPaintMs: number; firstTileMs: number };
  /** The landing page's first contentful paint, cold, loaded alternately with the kiosk. */
  baselineFirstContentfulPaintMs: number;
  /** Kiosk cold first contentful paint / landing page's. */
  paintRatio: number;
  /** The attract loop, watched for `attractSeconds`. */
  attract: FrameWindow;
  /** The landing page left idle as long: the frame rate this browser gives a page that does nothing. */
  idle: FrameWindow;
  /** Attract fps / idle fps. */
  fpsRatio: number;
}

/** Records, in the page, when the first section tile is on screen (the frame after it is in the DOM). */
const TILE_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-section]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstTileMs = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

const firstContentfulPaint = async (page: Page): Promise<number> => {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
};

async function kioskPaint(page: Page): Promise<{ fcp: number; tile: number }> {
  const tile = await page.waitForFunction(() => (window as unknown as { __firstTileMs?: number }).__firstTileMs, undefined, { timeout: 30_000 });
  return { fcp: await firstContentfulPaint(page), tile: (await tile.jsonValue()) as number };
}

/** One cold kiosk load, then a warm reload once the service worker controls the page. */
async function kioskLoad(browser: Browser, url: string): Promise<{ cold: { fcp: number; tile: number }; warm: { fcp: number; tile: number } }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(TILE_PROBE);
    const page = await context.newPage();
    await page.goto(`${url}/kiosk/`);
    const cold = await kioskPaint(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(() => {});
    await page.reload();
    return { cold, warm: await kioskPaint(page) };
  } finally {
    await context.close();
  }
}

async function landingLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    return await firstContentfulPaint(page);
  } finally {
    await context.close();
  }
}

async function watch(browser: Browser, url: string, path: string, ready: string, seconds: number): Promise<FrameWindow> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(FRAME_RECORDER);
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    await page.waitForSelector(ready);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await startRecording(page);
    await sleep(seconds * 1_000);
    return await stopRecording(page);
  } finally {
    await context.close();
  }
}

/** Measures the kiosk page against its own server (bundled content) and Chromium. */
export async function benchKiosk(webDir: string, settings: KioskBenchSettings): Promise<KioskBenchResult> {
  const rig = await openPageRig(webDir);
  try {
    const { browser, url } = rig;
    const weight = await measurePageWeight(browser, url, { path: '/kiosk/', ready: '[data-section]', contextOptions: { viewport: VIEWPORT } });
    // One unmeasured load each, so the server's first-request work (reading files) is not in the medians.
    await kioskLoad(browser, url);
    await landingLoad(browser, url);
    const kiosk: Awaited<ReturnType<typeof kioskLoad>>[] = [];
    const landing: number[] = [];
    for (let i = 0; i < settings.loads; i++) {
      kiosk.push(await kioskLoad(browser, url));
      landing.push(await landingLoad(browser, url));
    }
    const idle = await watch(browser, url, '/', 'main h1', settings.attractSeconds);
    const attract = await watch(browser, url, '/kiosk/', '[data-section]', settings.attractSeconds);
    const coldFcp = median(kiosk.map((k) => k.cold.fcp));
    const baselineFcp = median(landing);
    return {
      weight,
      loads: settings.loads,
      cold: { firstContentfulPaintMs: round1(coldFcp), firstTileMs: round1(median(kiosk.map((k) => k.cold.tile))) },
      warm: { firstContentfulPaintMs: round1(median(kiosk.map((k) => k.warm.fcp))), firstTileMs: round1(median(kiosk.map((k) => k.warm.tile))) },
      baselineFirstContentfulPaintMs: round1(baselineFcp),
      paintRatio: coldFcp / baselineFcp,
      attract,
      idle,
      fpsRatio: attract.fps / idle.fps,
    };
  } finally {
    await rig.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const web = await prepareWebDir();
  try {
    process.stdout.write(`${JSON.stringify(await benchKiosk(web.dir, kioskSettingsFromEnv()), null, 2)}\n`);
  } finally {
    web.remove();
  }
}
