import type { TestServer } from '../support/test-server';
import { expectConnected, signInToConsole } from './console-helpers';
import { doorFigures, doorLosesServer, openDoor, pairDoor, PHONE } from './door-helpers';
import { expect, test, watchErrors } from './fixtures';
import { openPairedStage } from './stage-helpers';

// A door, a console, a stage and a phone per test, on a machine shared with other suites.
test.describe.configure({ timeout: 180_000 });

const visitorsToday = async (url: string): Promise<number> => (await doorFigures(url)).visitors;

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

test('a door that reloads while the server is away opens from its cache, and its taps count exactly once after the server returns', async ({ browser, showfloor, pageErrors, toleratedErrors }) => {
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  await pairDoor(door, showfloor, 'South door');
  const serverBack = await doorLosesServer(door, showfloor, toleratedErrors);
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  // Past its undo window the tap waits in the outbox.
  await expect(door.getByTestId('door-queue')).toContainText('1 waiting', { timeout: 15_000 });

  // The phone restarts at the entrance, the server still unreachable: the app opens from the cache,
  // still paired, with its tally and its outbox.
  await door.reload();
  await expect(door.getByTestId('door-status')).toHaveText('离线 · Offline', { timeout: 15_000 });
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  await expect(door.getByTestId('door-queue')).toContainText('1 waiting', { timeout: 15_000 });
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await door.getByRole('button', { name: '+1 进场 · +1 entry' }).click();
  await expect(door.getByTestId('door-tally')).toHaveText('3');
  await expect(door.getByTestId('door-queue')).toContainText('3 waiting', { timeout: 15_000 });
  await door.screenshot({ path: 'test-results/door-offline-cold-start.png' });

  let restarted: TestServer | null = null;
  try {
    restarted = await serverBack();
    const url = restarted.url;
    await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 40_000 });
    await expect.poll(() => visitorsToday(url), { timeout: 30_000 }).toBe(3);
    await expect(door.getByTestId('door-queue')).toBeHidden({ timeout: 10_000 });
    await expect(door.getByTestId('hall-visitors')).toHaveText('3', { timeout: 10_000 });
    // A visitor's phone shows them.
    const phoneContext = await browser.newContext({ baseURL: url, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const phone = await phoneContext.newPage();
    watchErrors(phone, pageErrors, toleratedErrors);
    await phone.goto('/m/');
    await expect(phone.getByTestId('counter-visitors-today')).toHaveText('3', { timeout: 15_000 });
    // Exactly once: later retries and polls add nothing.
    await door.waitForTimeout(6_000);
    expect(await visitorsToday(url)).toBe(3);
    await expect(phone.getByTestId('counter-visitors-today')).toHaveText('3');
    await phoneContext.close();
  } finally {
    await door.context().close();
    await restarted?.stop();
  }
});
