import type { BrowserContext } from '@playwright/test';
import { instantToZoned } from '../../shared/time-zone';
import { startTestServer, type TestServer } from '../support/test-server';
import { expect, expectConnected, signInToConsole, test, watchErrors } from './console-helpers';
import { NETWORK_ERRORS, WEB_DIR } from './fixtures';
import { openPairedStage, scene } from './stage-helpers';

test.describe.configure({ timeout: 240_000 });

test('a stage pin scheduled two minutes ahead switches the stage at that minute (on a clock the test controls)', async ({ browser, toleratedErrors, pageErrors }) => {
  // The server's clock: real time plus an offset the test moves forward.
  let offset = 0;
  const server: TestServer = await startTestServer({ WEB_DIR }, { now: () => Date.now() + offset });
  const contexts: BrowserContext[] = [];
  try {
    const stageContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(stageContext);
    const stagePage = await stageContext.newPage();
    watchErrors(stagePage, pageErrors, toleratedErrors);
    const stage = await openPairedStage(stagePage, server, { name: 'Main stage', sceneSeconds: 600 });
    await expect(scene(stagePage, 'overview')).toBeVisible({ timeout: 20_000 });

    // The operator plans it in the console, on the exhibition's clock: from the next whole minute + 2.
    const consoleContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    contexts.push(consoleContext);
    const page = await consoleContext.newPage();
    watchErrors(page, pageErrors, toleratedErrors);
    await signInToConsole(page);
    await expectConnected(page);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Run of show' }).click();
    const start = Math.ceil((Date.now() + offset + 2 * 60_000) / 60_000) * 60_000;
    const form = page.getByRole('form', { name: 'New slot' });
    await form.getByRole('combobox', { name: 'Screen or group', exact: true }).selectOption({ label: 'Main stage' });
    await form.getByRole('combobox', { name: 'Scene', exact: true }).selectOption('roadshow');
    await form.getByLabel(/^Starts/).fill(instantToZoned(start, 'Asia/Shanghai').slice(0, 16));
    await form.getByLabel(/^Ends/).fill(instantToZoned(start + 10 * 60_000, 'Asia/Shanghai').slice(0, 16));
    await form.getByRole('button', { name: 'Add to the run of show' }).click();
    const hhmm = instantToZoned(start, 'Asia/Shanghai').slice(11, 16);
    await expect(page.getByRole('listitem', { name: new RegExp(`^${hhmm}.*Main stage`) })).toContainText('roadshow');
    await page.screenshot({ path: 'test-results/console-schedule.png' });

    // Until the minute (watched for a second and a half, up to two seconds before it): the rotation.
    offset = start - 3_000 - Date.now();
    await stagePage.waitForTimeout(1_500);
    await expect(scene(stagePage, 'overview')).toBeVisible();
    await expect(scene(stagePage, 'roadshow')).toHaveCount(0);
    // At the minute: the roadshow scene, pinned.
    offset = start - Date.now();
    await expect(scene(stagePage, 'roadshow')).toBeVisible({ timeout: 3_000 });
    await expect(stagePage.getByTestId('scene-pinned')).toBeVisible();
    // At its end the rotation resumes.
    offset = start + 10 * 60_000 - Date.now();
    await expect(stagePage.getByTestId('scene-pinned')).toBeHidden({ timeout: 5_000 });
    await expect.poll(async () => (await server.server.services.devices.list()).find((d) => d.id === stage.id)?.view ?? '', { timeout: 20_000 }).not.toContain('(pinned)');
  } finally {
    // The pages go before the server, so they log no refused reconnections.
    toleratedErrors.push(NETWORK_ERRORS);
    await Promise.all(contexts.map((c) => c.close()));
    await server.stop();
  }
});
