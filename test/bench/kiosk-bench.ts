/**
 * Booth kiosk budget (issue 6): the JavaScript the kiosk page loads, gzipped (budget 80 KB), and
 * how soon it paints on localhost (budget 1 s), in Debian's Chromium. Also the attract loop's
 * smoothness: long tasks (> 50 ms) and frames per second while it runs.
 *
 *   npx tsx test/bench/kiosk-bench.ts          (prints the figures as JSON)
 *
 * The pages must be built (`npx vite build`; SHOWFLOOR_WEB_DIR points elsewhere). The server runs
 * in this process with the bundled exhibition (content/), so the page carries real content.
 * KIOSK_BENCH_LOADS sets how many cold loads the medians take (default 7).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startTestServer } from '../support/test-server';

const REPO = resolve(import.meta.dirname, '../..');

export const KIOSK_BUDGET = { jsGzipBytes: 80 * 1024, firstContentfulPaintMs: 1_000 } as const;

export interface KioskBenchResult {
  /** Every script the kiosk page loads on a cold start, gzipped (level 9), summed. */
  jsGzipBytes: number;
  jsBytes: number;
  jsFiles: { path: string; bytes: number; gzipBytes: number }[];
  /** The kiosk's own style sheets, gzipped. */
  cssGzipBytes: number;
  /** Median first contentful paint of cold loads (new browser context: no cache, no service worker). */
  firstContentfulPaintMs: number;
  /** Median time from navigation to the first section tile on screen (real content painted), cold. */
  firstTileMs: number;
  /** The same two with the service worker and caches warm (a reload). */
  warmFirstContentfulPaintMs: number;
  warmFirstTileMs: number;
  loads: number;
  /** Attract mode over `attractSeconds`: main-thread tasks over 50 ms, the longest, and frames per second. */
  attract: { seconds: number; longTasks: number; longestTaskMs: number; fps: number };
  budget: typeof KIOSK_BUDGET;
  withinBudget: boolean;
}

/** Records, in the page, when the first section tile is on screen (the frame after it is in the DOM). */
const TILE_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-section]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstTileMs = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

async function paintTimes(page: Page): Promise<{ fcp: number; tile: number }> {
  await page.waitForFunction(() => typeof (window as unknown as { __firstTileMs?: number }).__firstTileMs === 'number', undefined, { timeout: 30_000 });
  return page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    tile: (window as unknown as { __firstTileMs: number }).__firstTileMs,
  }));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number) => Math.round(value * 10) / 10;

async function scriptSizes(browser: Browser, url: string): Promise<Pick<KioskBenchResult, 'jsBytes' | 'jsGzipBytes' | 'jsFiles' | 'cssGzipBytes'>> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies: Promise<{ path: string; type: string; body: Buffer }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if ((type === 'script' || type === 'stylesheet') && response.url().startsWith(url)) {
      bodies.push(response.body().then((body) => ({ path: new URL(response.url()).pathname, type, body })));
    }
  });
  await page.goto(`${url}/kiosk/`);
  await page.waitForSelector('[data-section]');
  const files = await Promise.all(bodies);
  await context.close();
  const js = files.filter((f) => f.type === 'script').map((f) => ({ path: f.path, bytes: f.body.length, gzipBytes: gzipSync(f.body, { level: 9 }).length }));
  const css = files.filter((f) => f.type === 'stylesheet').reduce((sum, f) => sum + gzipSync(f.body, { level: 9 }).length, 0);
  return {
    jsFiles: js,
    jsBytes: js.reduce((sum, f) => sum + f.bytes, 0),
    jsGzipBytes: js.reduce((sum, f) => sum + f.gzipBytes, 0),
    cssGzipBytes: css,
  };
}

async function attractSmoothness(browser: Browser, url: string, seconds: number): Promise<KioskBenchResult['attract']> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  await page.goto(`${url}/kiosk/`);
  await page.waitForSelector('[data-section]');
  // A string, not a function: tsx's transform would add helpers the page does not have.
  const result = (await page.evaluate(`(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push(entry.duration); });
    observer.observe({ type: 'longtask' });
    let frames = 0;
    const start = performance.now();
    await new Promise((done) => {
      const onFrame = () => { frames++; if (performance.now() - start < ${seconds * 1000}) requestAnimationFrame(onFrame); else done(); };
      requestAnimationFrame(onFrame);
    });
    observer.disconnect();
    return { tasks, fps: (frames * 1000) / (performance.now() - start) };
  })()`)) as { tasks: number[]; fps: number };
  await context.close();
  return { seconds, longTasks: result.tasks.length, longestTaskMs: round(Math.max(0, ...result.tasks)), fps: round(result.fps) };
}

/** Measures the kiosk page. Starts its own server on a free port and its own Chromium. */
export async function benchKiosk(options: { loads?: number; attractSeconds?: number } = {}): Promise<KioskBenchResult> {
  const webDir = process.env.SHOWFLOOR_WEB_DIR ?? resolve(REPO, 'dist/web');
  if (!existsSync(resolve(webDir, 'kiosk/index.html'))) throw new Error(`The pages are not built: run "npx vite build" first (looked in ${webDir}).`);
  const loads = options.loads ?? Number(process.env.KIOSK_BENCH_LOADS ?? 7);
  const server = await startTestServer({
    WEB_DIR: webDir,
    CONTENT_DIR: resolve(REPO, 'content'),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'showfloor-kiosk-bench-')),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const sizes = await scriptSizes(browser, server.url);
    const cold: { fcp: number; tile: number }[] = [];
    const warm: { fcp: number; tile: number }[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      await context.addInitScript(TILE_PROBE);
      const page = await context.newPage();
      await page.goto(`${server.url}/kiosk/`);
      cold.push(await paintTimes(page));
      // Warm: the service worker has the shell (wait for it to take control), IndexedDB the snapshot.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(() => {});
      await page.reload();
      warm.push(await paintTimes(page));
      await context.close();
    }
    const attract = await attractSmoothness(browser, server.url, options.attractSeconds ?? 10);
    const firstContentfulPaintMs = round(median(cold.map((c) => c.fcp)));
    return {
      ...sizes,
      firstContentfulPaintMs,
      firstTileMs: round(median(cold.map((c) => c.tile))),
      warmFirstContentfulPaintMs: round(median(warm.map((w) => w.fcp))),
      warmFirstTileMs: round(median(warm.map((w) => w.tile))),
      loads,
      attract,
      budget: KIOSK_BUDGET,
      withinBudget: sizes.jsGzipBytes <= KIOSK_BUDGET.jsGzipBytes && firstContentfulPaintMs <= KIOSK_BUDGET.firstContentfulPaintMs,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchKiosk();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `\nkiosk JS ${kb(result.jsGzipBytes)} gzip (budget ${kb(KIOSK_BUDGET.jsGzipBytes)}), first contentful paint ${result.firstContentfulPaintMs} ms ` +
      `(budget ${KIOSK_BUDGET.firstContentfulPaintMs} ms), first tile ${result.firstTileMs} ms; warm ${result.warmFirstContentfulPaintMs} / ${result.warmFirstTileMs} ms; ` +
      `attract ${result.attract.fps} fps, ${result.attract.longTasks} long task(s): ${result.withinBudget ? 'within budget' : 'OVER BUDGET'}\n`,
  );
}
