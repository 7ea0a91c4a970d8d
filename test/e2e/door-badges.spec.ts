import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config';
import { createDevice, postEvents, type TestServer } from '../support/test-server';
import { writeBadgeVideo } from './badge-video';
import { doorFigures, doorLosesServer, openDoor, pairDoor, setDoor } from './door-helpers';
import { expect, test } from './fixtures';

const BADGE = 'HZ2023-VISITOR-000417';
// The camera: Chromium's fake capture device plays a badge held up, taken away, and shown again.
const video = join(tmpdir(), `showfloor-badge-${process.pid}.y4m`);
writeBadgeVideo(video, BADGE);
const defaults = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...defaults,
    args: [...(defaults.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});
test.describe.configure({ timeout: 120_000 });

test('a door scanning badges counts a badge once, and says "already counted" when it is shown again', async ({ browser, showfloor, pageErrors, toleratedErrors }) => {
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  await pairDoor(door, showfloor, 'Badge door');
  await setDoor(door, { scanBadges: true });

  // The first showing counts: on the door, and in the hall's figure.
  await expect(door.getByTestId('badge-notice')).toHaveText('+1 已记录 · Counted', { timeout: 30_000 });
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  await expect.poll(async () => (await doorFigures(showfloor.url)).visitors, { timeout: 20_000 }).toBe(1);

  // Taken away and shown again: not counted again.
  await expect(door.getByTestId('badge-notice')).toHaveText('已计入 · already counted', { timeout: 30_000 });
  await door.screenshot({ path: 'test-results/door-badge-already-counted.png' });
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  // A later showing again, and a while for anything queued to arrive: still one visitor.
  await door.waitForTimeout(9_000);
  expect((await doorFigures(showfloor.url)).visitors).toBe(1);
  await expect(door.getByTestId('door-tally')).toHaveText('1');

  // Scanning off: the camera stops (its picture leaves the page).
  await setDoor(door, { scanBadges: false });
  await expect(door.getByRole('region', { name: '扫描胸卡 · Badge scanner' })).toHaveCount(0);
  await door.context().close();
});

test('a badge already counted at another door says "already counted" here too, and is not counted again', async ({ browser, showfloor, pageErrors, toleratedErrors }) => {
  // The visitor came in through the north door first (its scanner posts the same badge).
  const north = await createDevice(showfloor.url, { name: 'North scanner', role: 'door' });
  const first = await postEvents(showfloor.url, north.token, { events: [{ id: crypto.randomUUID(), type: 'visit', at: new Date().toISOString(), badge: BADGE }] });
  expect(first.body).toEqual({ accepted: 1, duplicates: 0 });

  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  await pairDoor(door, showfloor, 'South door');
  await setDoor(door, { scanBadges: true });
  // This door has not seen the badge; the server has: the door takes its +1 back once it hears so.
  await expect(door.getByTestId('badge-notice')).toHaveText('已计入 · already counted', { timeout: 30_000 });
  await expect(door.getByTestId('door-tally')).toHaveText('0', { timeout: 15_000 });
  await expect(door.getByTestId('door-queue')).toBeHidden({ timeout: 15_000 });
  expect((await doorFigures(showfloor.url)).visitors).toBe(1);
  await door.context().close();
});

test('a door started while the server is away scans badges from its cache, and each counts exactly once when the server is back', async ({ browser, showfloor, pageErrors, toleratedErrors }) => {
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  await pairDoor(door, showfloor, 'Offline scanner');
  const serverBack = await doorLosesServer(door, showfloor, toleratedErrors);
  await door.reload();
  await expect(door.getByTestId('door-status')).toHaveText('离线 · Offline', { timeout: 15_000 });
  // The decoder was never loaded online: it comes from the service worker's precache.
  await setDoor(door, { scanBadges: true });
  await expect(door.getByTestId('badge-notice')).toHaveText('+1 已记录 · Counted', { timeout: 30_000 });
  await expect(door.getByTestId('door-queue')).toContainText('1 waiting', { timeout: 15_000 });
  await expect(door.getByTestId('badge-notice')).toHaveText('已计入 · already counted', { timeout: 30_000 });
  await expect(door.getByTestId('door-tally')).toHaveText('1');
  await expect(door.getByTestId('door-queue')).toContainText('1 waiting');

  let restarted: TestServer | null = null;
  try {
    restarted = await serverBack();
    const url = restarted.url;
    await expect(door.getByTestId('door-status')).toHaveText('在线 · Online', { timeout: 40_000 });
    await expect.poll(async () => (await doorFigures(url)).visitors, { timeout: 30_000 }).toBe(1);
    await expect(door.getByTestId('door-queue')).toBeHidden({ timeout: 10_000 });
    await door.waitForTimeout(6_000);
    expect((await doorFigures(url)).visitors).toBe(1);
    await expect(door.getByTestId('door-tally')).toHaveText('1');
  } finally {
    await door.context().close();
    await restarted?.stop();
  }
});
