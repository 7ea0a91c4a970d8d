/**
 * The JavaScript of the phone page and the operator console, as a first visit loads it (see
 * page-weight.ts). The phone page is measured on its home and on an item page, `/m/item/<id>`,
 * the address a kiosk's QR code opens (budget 50 KB each); the console on its sign-in page and
 * signed in as admin (no budget: operators load it once, on the venue's network). The door counter
 * (`/door/`, a staff phone) is held to the phone's budget; its badge scanner, a chunk loaded only
 * when a door scans badges, is weighed apart (no budget: fetched once, then kept offline).
 *
 * `benchPhoneAndConsole()` is what `npm run bench` calls; `npx tsx test/bench/phone-console-bench.ts`
 * runs it alone. Environment: SHOWFLOOR_WEB_DIR and CHROMIUM_PATH as for every bench.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Snapshot } from '../../shared/snapshot.schema';
import { signIn } from '../support/test-server';
import { openPageRig } from './page-rig';
import { GZIP_LEVEL, measurePageWeight, type PageWeight } from './page-weight';
import { prepareWebDir } from './web-dir';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };

export interface PhoneConsoleResult {
  phoneHome: PageWeight;
  phoneItem: PageWeight;
  consoleSignIn: PageWeight;
  consoleSignedIn: PageWeight;
  door: PageWeight;
  /** The lazily loaded badge scanner chunk alone (the door's scan mode adds it). */
  doorScanner: PageWeight;
}

/** The badge scanner chunk of the build in `webDir`, weighed the way page-weight.ts weighs a loaded file. */
function scannerChunk(webDir: string): PageWeight {
  const name = readdirSync(join(webDir, 'assets')).find((file) => /^badge-scanner-.*\.js$/.test(file));
  if (!name) throw new Error('the build has no badge-scanner chunk');
  const body = readFileSync(join(webDir, 'assets', name));
  const file = { path: `/assets/${name}`, bytes: body.length, gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length };
  return { path: '/door/ badge scanner (lazy chunk)', jsGzipBytes: file.gzipBytes, jsBytes: file.bytes, jsFiles: [file], cssGzipBytes: 0, fontBytes: 0, fontFiles: 0 };
}

export async function benchPhoneAndConsole(webDir: string): Promise<PhoneConsoleResult> {
  const rig = await openPageRig(webDir);
  try {
    const { browser, url } = rig;
    // An item of the bundled content (the server seeded its database from content/), as a QR code names it.
    const snapshot = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as Snapshot;
    const item = snapshot.sections.flatMap((s) => s.items)[0];
    if (!item) throw new Error('the bundled content has no published item for the phone item page');
    const phoneHome = await measurePageWeight(browser, url, { path: '/m/', ready: 'main [data-section]', contextOptions: PHONE });
    const phoneItem = await measurePageWeight(browser, url, { path: `/m/item/${encodeURIComponent(item.id)}`, ready: 'main article h1', contextOptions: PHONE });
    const consoleSignIn = await measurePageWeight(browser, url, { path: '/console/', ready: 'main form', contextOptions: LAPTOP });
    const consoleSignedIn = await measurePageWeight(browser, url, { path: '/console/', ready: 'nav', contextOptions: LAPTOP, cookie: await signIn(url) });
    const door = await measurePageWeight(browser, url, { path: '/door/', ready: '[data-testid="pairing-code"]', contextOptions: PHONE });
    return { phoneHome, phoneItem, consoleSignIn, consoleSignedIn, door, doorScanner: scannerChunk(webDir) };
  } finally {
    await rig.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const web = await prepareWebDir();
  try {
    process.stdout.write(`${JSON.stringify(await benchPhoneAndConsole(web.dir), null, 2)}\n`);
  } finally {
    web.remove();
  }
}
