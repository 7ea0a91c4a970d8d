/**
 * Stage display benchmark: the size of the stage's JavaScript, and how smoothly it renders while
 * counter patches stream at about ten a second.
 *
 * `benchStage()` is what `npm run bench` calls; `npx tsx test/bench/stage-bench.ts` runs it alone
 * and prints the figures. The pages must be built first (`npx vite build`).
 *
 * What it does: starts a real server (the bundled exhibition content) with the built pages, opens
 * /stage/ in Chromium as a paired display with a short scene length (so scene changes, and the
 * charts they create, happen during the measurement), then for ~10 s posts small batches of visits
 * and item views every 50 ms — more often than the server's 100 ms counter-patch interval, so
 * patches go out at their maximum rate — while the page records every animation frame's length and
 * every long task (PerformanceObserver 'longtask', i.e. any task over 50 ms).
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), STAGE_WEB_DIR (default dist/web),
 * STAGE_BENCH_SECONDS (default 10), STAGE_BENCH_VIEWPORT (`1920x1080` or `3840x2160`),
 * STAGE_BENCH_SCENE_SECONDS (default 5; 600 measures patches alone, without scene changes).
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { connectLive } from '../support/live-client';
import { createDevice, postEvents, signIn, startTestServer } from '../support/test-server';

const ROOT = resolve(import.meta.dirname, '../..');

export interface StageBenchResult {
  /** Gzipped size of every JavaScript file the stage page loads (gzip level 6, a web server's usual). */
  jsGzipBytes: number;
  /** Time between consecutive animation frames while patches stream. */
  framesMs: { p50: number; p95: number; max: number };
  /** Tasks over 50 ms on the page's main thread during the measurement. */
  longTasks: number;
  /** The longest of them (0 when none). */
  longestTaskMs: number;
  /** Counter patches per second a /live client received during the measurement (target: about 10). */
  patchesPerSecond: number;
  /** JS heap of the page after a garbage collection, before and after the measurement (MB). */
  heapMb: { before: number; after: number };
  /** The JS files counted in `jsGzipBytes`, with their gzipped sizes. */
  jsFiles: { file: string; gzipBytes: number }[];
  scenesShown: string[];
}

export interface StageBenchOptions {
  webDir?: string;
  durationMs?: number;
  viewport?: { width: number; height: number };
}

/** The JS files /stage/ loads: its entry scripts and preloads, and every chunk they import, recursively. */
export function stageJsFiles(webDir: string): string[] {
  const html = readFileSync(join(webDir, 'stage/index.html'), 'utf8');
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (path: string) => {
    if (!found.has(path)) {
      found.add(path);
      queue.push(path);
    }
  };
  for (const match of html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)) add(join(webDir, match[1]!));
  while (queue.length > 0) {
    const file = queue.shift()!;
    const code = readFileSync(file, 'utf8');
    // Static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`) imports between chunks.
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']((?:\.{1,2}\/|\/)[^"']+\.js)["']/g)) {
      const spec = match[1]!;
      add(spec.startsWith('/') ? join(webDir, spec) : resolve(dirname(file), spec));
    }
  }
  return [...found];
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Page scripts are strings: tsx would otherwise wrap named functions with a helper the page lacks.
const RECORDER = `
  window.__stageBench = { frames: [], longTasks: [], recording: false };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (window.__stageBench.recording) window.__stageBench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  (() => {
    let last = 0;
    const frame = (now) => {
      if (window.__stageBench.recording && last) window.__stageBench.frames.push(now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();
`;

export async function benchStage(options: StageBenchOptions = {}): Promise<StageBenchResult> {
  const webDir = options.webDir ?? process.env.STAGE_WEB_DIR ?? resolve(ROOT, 'dist/web');
  const durationMs = options.durationMs ?? Number(process.env.STAGE_BENCH_SECONDS ?? 10) * 1_000;
  const [width, height] = (process.env.STAGE_BENCH_VIEWPORT ?? '1920x1080').split('x').map(Number);
  const viewport = options.viewport ?? { width: width ?? 1920, height: height ?? 1080 };

  const jsFiles = stageJsFiles(webDir).map((file) => ({ file: relative(webDir, file), gzipBytes: gzipSync(readFileSync(file), { level: 6 }).length }));
  const jsGzipBytes = jsFiles.reduce((sum, f) => sum + f.gzipBytes, 0);

  const server = await startTestServer({ WEB_DIR: webDir, CONTENT_DIR: resolve(ROOT, 'content') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const live = await connectLive(server.url);
  try {
    const cookie = await signIn(server.url);
    const sensor = await createDevice(server.url, { name: 'Bench door', role: 'sensor' }, cookie);
    const booth = await createDevice(server.url, { name: 'Bench booth', role: 'booth' }, cookie);
    const stage = await createStageCredentials(server.url, cookie);
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
    const items = snapshot.sections.flatMap((s) => s.items.map((i) => ({ section: s.id, item: i.id })));

    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem('showfloor.device.v1', ${JSON.stringify(JSON.stringify(stage))});`);
    await page.addInitScript(RECORDER);
    const scenesShown = new Set<string>();
    await page.goto(`${server.url}/stage/`);
    await page.getByTestId('counter-visitors-today').waitFor({ timeout: 20_000 });
    await sleep(1_500);

    const cdp = await context.newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576);
    };
    await cdp.send('Performance.enable');
    const heapBefore = await heapMb();

    let posting = true;
    let n = 0;
    const poster = (async () => {
      while (posting) {
        const started = Date.now();
        const at = new Date().toISOString();
        const pick = items[n++ % items.length]!;
        const events = [
          { id: crypto.randomUUID(), type: 'visit', section: pick.section, at },
          { id: crypto.randomUUID(), type: 'visit', section: items[(n * 7) % items.length]!.section, at },
        ];
        const views = [{ id: crypto.randomUUID(), type: 'view', section: pick.section, item: pick.item, at }];
        await Promise.all([postEvents(server.url, sensor.token, { events }), postEvents(server.url, booth.token, { events: views })]);
        await sleep(Math.max(0, 50 - (Date.now() - started)));
      }
    })();

    const patchesAtStart = live.patches.length;
    await page.evaluate('window.__stageBench.recording = true');
    const started = Date.now();
    while (Date.now() - started < durationMs) {
      scenesShown.add(String(await page.evaluate(`[...document.querySelectorAll('[data-scene]')].at(-1)?.dataset.scene ?? 'none'`)));
      await sleep(250);
    }
    await page.evaluate('window.__stageBench.recording = false');
    const elapsed = Date.now() - started;
    const patches = live.patches.slice(patchesAtStart).filter((p) => p.type === 'counters').length;
    posting = false;
    await poster;

    const recorded = (await page.evaluate('window.__stageBench')) as { frames: number[]; longTasks: number[] };
    const heapAfter = await heapMb();
    const frames = [...recorded.frames].sort((a, b) => a - b);
    return {
      jsGzipBytes,
      framesMs: { p50: round(percentile(frames, 0.5)), p95: round(percentile(frames, 0.95)), max: round(frames.at(-1) ?? 0) },
      longTasks: recorded.longTasks.length,
      longestTaskMs: round(Math.max(0, ...recorded.longTasks)),
      patchesPerSecond: round(patches / (elapsed / 1_000)),
      heapMb: { before: heapBefore, after: heapAfter },
      jsFiles,
      scenesShown: [...scenesShown],
    };
  } finally {
    live.close();
    await browser.close();
    await server.stop();
  }
}

/** A stage device with a short scene length, as the device module stores it in localStorage. */
async function createStageCredentials(url: string, cookie: string) {
  const sceneSeconds = Number(process.env.STAGE_BENCH_SCENE_SECONDS ?? 5);
  const response = await fetch(`${url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Bench stage', role: 'stage', sceneSeconds }),
  });
  if (response.status !== 201) throw new Error(`stage device creation failed: ${response.status} ${await response.text()}`);
  const { id, token } = (await response.json()) as { id: string; token: string };
  return { token, config: { id, name: 'Bench stage', role: 'stage', section: null, idleTimeoutSeconds: 60, sceneSeconds, locale: 'zh-CN' } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchStage();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
    [
      'stage display',
      `  JavaScript (gzip):   ${kb(result.jsGzipBytes)}  (budget 150 KB)  ${result.jsFiles.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')}`,
      `  frame time (ms):     p50 ${result.framesMs.p50}  p95 ${result.framesMs.p95}  max ${result.framesMs.max}`,
      `  long tasks (>50 ms): ${result.longTasks}${result.longTasks ? ` (longest ${result.longestTaskMs} ms)` : ''}`,
      `  counter patches/s:   ${result.patchesPerSecond}`,
      `  JS heap after GC:    ${result.heapMb.before} MB → ${result.heapMb.after} MB`,
      `  scenes shown:        ${result.scenesShown.join(', ')}`,
      '',
    ].join('\n'),
  );
}
