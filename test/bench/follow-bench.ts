/**
 * How fast the screens follow an operator (issue 3: "every screen shows the change within 1 s"):
 * an item's title is edited through the API while a phone item page and a kiosk on the same item
 * are open, and an announcement is sent while a stage display is open. Each figure is the time from
 * sending the request to the page's DOM showing the change (the page stamps it with a
 * MutationObserver on the same machine's clock), beside the request's own round trip — the part
 * that is the server storing the change durably before it tells anyone.
 *
 * `benchFollow()` is what `npm run bench` calls; `npx tsx test/bench/follow-bench.ts` runs it alone.
 * FOLLOW_BENCH_ROUNDS sets how many edits the medians take (default 5).
 */
import type { Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import type { Snapshot } from '../../shared/snapshot.schema';
import { signIn } from '../support/test-server';
import { envNumber, median, openPageRig, round1 } from './page-rig';
import { prepareWebDir } from './web-dir';

export const FOLLOW_BUDGET_MS = 1_000;

export interface FollowFigures {
  /** Median and slowest time from sending the change to the page showing it, in ms. */
  medianMs: number;
  maxMs: number;
  /** Median round trip of the request itself (durable write and acknowledgement). */
  requestMedianMs: number;
}

export interface FollowBenchResult {
  rounds: number;
  phoneItem: FollowFigures;
  kioskItem: FollowFigures;
  stageAnnouncement: FollowFigures;
}

export interface FollowSettings {
  rounds: number;
}

export function followSettingsFromEnv(quick: boolean): FollowSettings {
  return { rounds: envNumber('FOLLOW_BENCH_ROUNDS', quick ? 3 : 5) };
}

/** Resolves with the epoch time (ms) at which the page's text first contains `text`. */
/** How long a page may take to show a change before the part fails (a page that missed the patch would wait forever). */
const SHOW_TIMEOUT_MS = 60_000;

function whenPageShows(page: Page, selector: string, text: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${text}" did not appear in ${selector} on ${page.url()} within ${SHOW_TIMEOUT_MS / 1000} s`)), SHOW_TIMEOUT_MS);
  });
  const result = Promise.race([shown(page, selector, text), timeout]).finally(() => clearTimeout(timer));
  // Awaited later, maybe after another wait failed first: not an unhandled rejection meanwhile.
  result.catch(() => undefined);
  return result;
}

function shown(page: Page, selector: string, text: string): Promise<number> {
  // No named functions inside: tsx's esbuild would wrap them in a helper the page does not have.
  return page.evaluate(
    ([selector, text]) =>
      new Promise<number>((resolve) => {
        if ((document.querySelector(selector)?.textContent ?? '').includes(text)) return resolve(performance.timeOrigin + performance.now());
        const observer = new MutationObserver(() => {
          if (!(document.querySelector(selector)?.textContent ?? '').includes(text)) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    [selector, text] as const,
  );
}

function figures(follow: number[], requests: number[]): FollowFigures {
  return { medianMs: round1(median(follow)), maxMs: round1(Math.max(...follow)), requestMedianMs: round1(median(requests)) };
}

async function send(url: string, method: string, path: string, cookie: string, body: unknown): Promise<{ sentAt: number; tookMs: number }> {
  const sentAt = Date.now();
  const response = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const tookMs = Date.now() - sentAt;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { sentAt, tookMs };
}

export async function benchFollow(webDir: string, settings: FollowSettings): Promise<FollowBenchResult> {
  const rig = await openPageRig(webDir);
  try {
    const { browser, url } = rig;
    const cookie = await signIn(url);
    const snapshot = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as Snapshot;
    const section = snapshot.sections.find((s) => s.items.length > 0);
    if (!section) throw new Error('the bundled content has no published item');
    const itemId = section.items[0]!.id;

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' })).newPage();
    await phone.goto(`${url}/m/item/${encodeURIComponent(itemId)}`);
    await phone.locator('main article h1').waitFor();

    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' })).newPage();
    await kiosk.goto(`${url}/kiosk/`);
    await kiosk.getByRole('button', { name: '触摸开始 · Touch to start' }).click();
    await kiosk.locator(`[data-section="${section.id}"]`).click();
    await kiosk.getByRole('button', { name: section.items[0]!.title['zh-CN'] }).click();
    await kiosk.locator('h1').filter({ hasText: section.items[0]!.title['zh-CN'] }).waitFor();

    const stage = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' })).newPage();
    await stage.goto(`${url}/stage/`);
    await stage.getByTestId('counter-visitors-today').first().waitFor();

    const phoneTimes: number[] = [];
    const kioskTimes: number[] = [];
    const stageTimes: number[] = [];
    const editTimes: number[] = [];
    const announceTimes: number[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const content = (await (await fetch(`${url}/api/v1/content`, { headers: { cookie } })).json()) as { items: Array<Record<string, unknown> & { id: string; version: number; title: Record<string, string> }> };
      const { version, updatedAt: _updatedAt, ...item } = content.items.find((i) => i.id === itemId)!;
      const title = `跟随测试 ${round} · ${Date.now()}`;
      const shownOnPhone = whenPageShows(phone, 'main article h1', title);
      const shownOnKiosk = whenPageShows(kiosk, 'h1', title);
      const edit = await send(url, 'PUT', `/api/v1/items/${encodeURIComponent(itemId)}`, cookie, { baseVersion: version, item: { ...item, title: { ...item.title, 'zh-CN': title } } });
      phoneTimes.push((await shownOnPhone) - edit.sentAt);
      kioskTimes.push((await shownOnKiosk) - edit.sentAt);
      editTimes.push(edit.tookMs);

      const text = `舞台通知 ${round} · ${Date.now()}`;
      const shownOnStage = whenPageShows(stage, 'body', text);
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      const announce = await send(url, 'POST', '/api/v1/announcements', cookie, { text: { 'zh-CN': text, en: `Stage notice ${round}` }, target: 'stage', urgent: false, expiresAt });
      stageTimes.push((await shownOnStage) - announce.sentAt);
      announceTimes.push(announce.tookMs);
    }
    return {
      rounds: settings.rounds,
      phoneItem: figures(phoneTimes, editTimes),
      kioskItem: figures(kioskTimes, editTimes),
      stageAnnouncement: figures(stageTimes, announceTimes),
    };
  } finally {
    await rig.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const web = await prepareWebDir();
  try {
    process.stdout.write(`${JSON.stringify(await benchFollow(web.dir, followSettingsFromEnv(process.env.BENCH_QUICK === '1')), null, 2)}\n`);
  } finally {
    web.remove();
  }
}
