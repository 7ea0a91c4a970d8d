/**
 * Stage display: the JavaScript it loads (gzipped; budget 150 KB), and how smoothly it renders
 * while counter patches stream at their maximum rate (10 a second), against the same page idle.
 *
 * `benchStage()` is what `npm run bench` calls; `npx tsx test/bench/stage-bench.ts` runs it alone.
 *
 * What it does: starts a server (bundled exhibition) with the built pages, opens /stage/ in
 * Chromium as a paired display with a short scene length (so scene changes, and the charts they
 * create, happen in both windows), and records every animation frame's length and every long task
 * (over 50 ms) for two windows of equal length in the same page: first idle (scenes rotate, no
 * events), then streaming, while the bench posts small batches of visits and item views every
 * 50 ms — more often than the server's 100 ms counter-patch interval, so patches go out at their
 * maximum rate. The ratio streaming/idle is what the patches cost the display on this machine.
 *
 * Environment: STAGE_BENCH_SECONDS (each window, default 10), STAGE_BENCH_VIEWPORT (`1920x1080` or
 * `3840x2160`), STAGE_BENCH_SCENE_SECONDS (default 5; 600 measures patches alone, without scene
 * changes), SHOWFLOOR_WEB_DIR and CHROMIUM_PATH as for every bench.
 */
import { pathToFileURL } from 'node:url';
import type { Snapshot } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { createDevice, signIn } from '../support/test-server';
import { sleep } from './clock';
import { FRAME_RECORDER, startRecording, stopRecording, type FrameWindow } from './frame-recorder';
import { envNumber, openPageRig, round1 } from './page-rig';
import { measurePageWeight, type PageWeight } from './page-weight';
import { postEvents } from './showfloor';
import { prepareWebDir } from './web-dir';

/** localStorage key of the device module's credentials (kiosk/lib/device/device-credentials.ts). */
const CREDENTIALS_KEY = 'showfloor.device.v1';
const READY = '[data-testid="counter-visitors-today"]';
/** Posting more often than COUNTER_PATCH_INTERVAL_MS (100) keeps the throttle saturated. */
const POST_EVERY_MS = 50;

export interface StageBenchSettings {
  /** Length of each window, idle and streaming. */
  seconds: number;
  sceneSeconds: number;
  viewport: { width: number; height: number };
}

export function stageSettingsFromEnv(quick = false): StageBenchSettings {
  const viewport = process.env.STAGE_BENCH_VIEWPORT ?? '1920x1080';
  const match = /^(\d+)x(\d+)$/.exec(viewport);
  if (!match) throw new Error(`STAGE_BENCH_VIEWPORT: "${viewport}" is not WIDTHxHEIGHT, e.g. 1920x1080`);
  return {
    seconds: envNumber('STAGE_BENCH_SECONDS', quick ? 5 : 10),
    sceneSeconds: envNumber('STAGE_BENCH_SCENE_SECONDS', 5),
    viewport: { width: Number(match[1]), height: Number(match[2]) },
  };
}

export interface StageBenchResult {
  weight: PageWeight;
  viewport: { width: number; height: number };
  sceneSeconds: number;
  idle: StageWindow;
  streaming: StageWindow;
  /** Streaming / idle frame time, at p50 and p99. */
  frameRatio: { p50: number | undefined; p99: number | undefined };
  /** Events posts that were not answered 200 while streaming. */
  failedPosts: number;
  /** JS heap of the page after a garbage collection, before and after streaming (MB). */
  heapMb: { before: number; after: number };
}

export interface StageWindow extends FrameWindow {
  /** Counter patches per second a /live client received in the window. */
  patchesPerSecond: number;
  scenesShown: string[];
}

/** A stage device with a short scene length, as the device module stores it in localStorage. */
async function stageCredentials(url: string, cookie: string, sceneSeconds: number): Promise<string> {
  const response = await fetch(`${url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Bench stage', role: 'stage', sceneSeconds }),
  });
  if (response.status !== 201) throw new Error(`stage device creation failed: ${response.status} ${await response.text()}`);
  const { id, token } = (await response.json()) as { id: string; token: string };
  const stored = { token, config: { id, name: 'Bench stage', role: 'stage', section: null, idleTimeoutSeconds: 60, sceneSeconds, locale: 'zh-CN' } };
  return `localStorage.setItem(${JSON.stringify(CREDENTIALS_KEY)}, ${JSON.stringify(JSON.stringify(stored))});`;
}

/** Measures the stage display against its own server (bundled content) and Chromium. */
export async function benchStage(webDir: string, settings: StageBenchSettings): Promise<StageBenchResult> {
  const rig = await openPageRig(webDir);
  const live = await connectLive(rig.url);
  try {
    const { browser, url, showfloor } = rig;
    const cookie = await signIn(url);
    const booth = await createDevice(url, { name: 'Bench booth', role: 'booth' }, cookie);
    const credentials = await stageCredentials(url, cookie, settings.sceneSeconds);
    const snapshot = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as Snapshot;
    const items = snapshot.sections.flatMap((s) => s.items.map((i) => ({ section: s.id, item: i.id })));
    if (items.length === 0) throw new Error('the bundled content has no published item to view');

    const contextOptions = { viewport: settings.viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
    const weight = await measurePageWeight(browser, url, { path: '/stage/', ready: READY, contextOptions, initScripts: [credentials] });

    const context = await browser.newContext(contextOptions);
    await context.addInitScript(credentials);
    await context.addInitScript(FRAME_RECORDER);
    const page = await context.newPage();
    await page.goto(`${url}/stage/`);
    await page.waitForSelector(READY, { timeout: 30_000 });
    await sleep(1_500);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return round1((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576);
    };

    /** One window of `settings.seconds`: frames, long tasks, patches received and the scenes shown. */
    const record = async (): Promise<StageWindow> => {
      const scenes = new Set<string>();
      const patchesBefore = live.patches.length;
      await startRecording(page);
      const started = Date.now();
      while (Date.now() - started < settings.seconds * 1_000) {
        scenes.add(String(await page.evaluate(`[...document.querySelectorAll('[data-scene]')].at(-1)?.dataset.scene ?? 'none'`)));
        await sleep(250);
      }
      const frames = await stopRecording(page);
      const patches = live.patches.slice(patchesBefore).filter((p) => p.type === 'counters').length;
      return { ...frames, patchesPerSecond: patches / ((Date.now() - started) / 1_000), scenesShown: [...scenes] };
    };

    const idle = await record();
    const heapBefore = await heapMb();

    let posting = true;
    let failedPosts = 0;
    let n = 0;
    const poster = (async () => {
      while (posting) {
        const started = Date.now();
        const at = new Date().toISOString();
        const pick = items[n++ % items.length]!;
        const visits = [
          { id: crypto.randomUUID(), type: 'visit', section: pick.section, at },
          { id: crypto.randomUUID(), type: 'visit', section: items[(n * 7) % items.length]!.section, at },
        ];
        const views = [{ id: crypto.randomUUID(), type: 'view', section: pick.section, item: pick.item, at }];
        const answers = await Promise.all([postEvents(showfloor.http, showfloor.token, visits), postEvents(showfloor.http, booth.token, views)]);
        failedPosts += answers.filter((a) => a.status !== 200).length;
        await sleep(POST_EVERY_MS - (Date.now() - started));
      }
    })();
    let streaming: StageWindow;
    try {
      // Let the stream reach its rate before recording.
      await sleep(500);
      streaming = await record();
    } finally {
      posting = false;
      await poster;
    }
    const heapAfter = await heapMb();
    await context.close();

    const ratio = (q: 'p50' | 'p99') => (streaming.frameMs && idle.frameMs ? streaming.frameMs[q] / idle.frameMs[q] : undefined);
    return {
      weight,
      viewport: settings.viewport,
      sceneSeconds: settings.sceneSeconds,
      idle,
      streaming,
      frameRatio: { p50: ratio('p50'), p99: ratio('p99') },
      failedPosts,
      heapMb: { before: heapBefore, after: heapAfter },
    };
  } finally {
    live.close();
    await rig.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const web = await prepareWebDir();
  try {
    process.stdout.write(`${JSON.stringify(await benchStage(web.dir, stageSettingsFromEnv()), null, 2)}\n`);
  } finally {
    web.remove();
  }
}
