import type { Browser, Page } from '@playwright/test';
import { startTestServer, signIn, type TestServer } from '../support/test-server';
import { expectConnected, signInToConsole } from './console-helpers';
import { expect, NETWORK_ERRORS, test, watchErrors, WEB_DIR, type ToleratedError } from './fixtures';
import { openPairedStage } from './stage-helpers';

// A door, a console, a stage and a phone per test, on a machine shared with other suites.
test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 390, height: 844 };

const visitorsToday = async (url: string): Promise<number> => ((await (await fetch(`${url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number } } }).counters.visitors.today;

/** The door counter in a browser of its own (a staff phone), showing its pairing code. */
async function openDoor(browser: Browser, url: string, errors: string[], tolerated: readonly ToleratedError[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true });
  const page = await context.newPage();
  watchErrors(page, errors, tolerated);
  await page.goto('/door/');
  await expect(page.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/, { timeout: 15_000 });
  return page;
}

test('a door counter paired through the console turns "visitors today" from 0 to 1 on the stage and the phone', async ({ page, browser, showfloor, pageErrors, toleratedErrors }) => {
  toleratedErrors.push({ status: 401, path: /\/api\/v1\/session$/ });
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  const code = (await door.getByTestId('pairing-code').textContent())!.trim();

  // The operator pairs it in the console's Screens page as a door counter.
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/fleet');
  const form = page.getByRole('form', { name: 'Approve pairing' });
  await form.getByLabel('Pairing code').fill(code);
  await form.getByLabel('Screen name').fill('North door');
  await form.getByRole('radio', { name: 'Door counter' }).check();
  await form.getByRole('button', { name: 'Approve and pair' }).click();
  await expect(door.getByRole('button', { name: '+1 进场 · +1 entry' })).toBeVisible({ timeout: 15_000 });
  await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 15_000 });

  // A stage display and a visitor's phone show 0.
  const stageContext = await browser.newContext({ baseURL: showfloor.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const stage = await stageContext.newPage();
  watchErrors(stage, pageErrors, toleratedErrors);
  await openPairedStage(stage, showfloor, { sceneSeconds: 600 });
  const phoneContext = await browser.newContext({ baseURL: showfloor.url, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const phone = await phoneContext.newPage();
  watchErrors(phone, pageErrors, toleratedErrors);
  await phone.goto('/m/');
  await expect(stage.getByTestId('counter-visitors-today')).toHaveText('0', { timeout: 15_000 });
  await expect(phone.getByTestId('counter-visitors-today')).toHaveText('0', { timeout: 15_000 });

  // Two taps, one taken back: one visitor.
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await expect(door.getByTestId('door-tally')).toHaveText('2');
  await door.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect(door.getByTestId('door-tally')).toHaveText('1');

  await expect(stage.getByTestId('counter-visitors-today')).toHaveText('1', { timeout: 20_000 });
  await expect(phone.getByTestId('counter-visitors-today')).toHaveText('1', { timeout: 20_000 });
  await expect(door.getByTestId('hall-visitors')).toHaveText('1');
  // The console's Screens page shows what this door counted.
  await expect(page.getByRole('article', { name: 'North door' }).getByTestId('device-figure')).toHaveText('1', { timeout: 10_000 });
  await door.screenshot({ path: 'test-results/door-counter.png' });
  expect(await visitorsToday(showfloor.url)).toBe(1);

  await stageContext.close();
  await phoneContext.close();
  await door.context().close();
});

test('a tap made while the server is away counts exactly once after it returns', async ({ browser, showfloor, pageErrors, toleratedErrors }) => {
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  const code = (await door.getByTestId('pairing-code').textContent())!.trim();
  const approved = await fetch(`${showfloor.url}/api/v1/pairing/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(showfloor.url) },
    body: JSON.stringify({ code, name: 'South door', role: 'door' }),
  });
  expect(approved.status).toBe(201);
  await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 15_000 });

  // The server goes away (Playwright's setOffline would leave the open sockets up).
  toleratedErrors.push(NETWORK_ERRORS);
  const { dataDir, port } = showfloor;
  await showfloor.stop({ keepData: true });
  await expect(door.getByTestId('door-status')).toHaveText('离线 · Offline', { timeout: 15_000 });
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  // Past its undo window the tap waits in the outbox.
  await expect(door.getByTestId('door-queue')).toContainText('1 waiting', { timeout: 15_000 });

  let restarted: TestServer | null = null;
  try {
    restarted = await startTestServer({ WEB_DIR, DATA_DIR: dataDir, PORT: String(port) });
    const url = restarted.url;
    await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 40_000 });
    await expect.poll(() => visitorsToday(url), { timeout: 30_000 }).toBe(1);
    await expect(door.getByTestId('door-queue')).toBeHidden({ timeout: 10_000 });
    // Exactly once: later retries and polls add nothing.
    await door.waitForTimeout(6_000);
    expect(await visitorsToday(url)).toBe(1);
  } finally {
    await door.context().close();
    await restarted?.stop();
  }
});
