import { createDevice, postEvents, signIn } from '../support/test-server';
import { doorSensor, expect, openPairedStage, postAnnouncement, scene, sendCommandWhenOnline, STAGE_TEST_TIMEOUT, test } from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

test.use({ viewport: { width: 1920, height: 1080 } });

test('scenes take turns at the pace set for the display', async ({ page, showfloor }) => {
  await openPairedStage(page, showfloor, { sceneSeconds: 5 });
  const current = page.getByRole('navigation', { name: '场景 · Scenes' }).locator('[aria-current="true"]');
  const overview = scene(page, 'overview');
  await expect(overview.or(scene(page, 'visitors'))).toBeVisible();
  // Whichever scene the page is at, the other follows within its five seconds, then the first again.
  const startsAtOverview = (await overview.count()) > 0;
  const [first, second] = startsAtOverview ? (['overview', 'visitors'] as const) : (['visitors', 'overview'] as const);
  const names = { overview: '实时概览 · Overview', visitors: '观众与互动 · Visitors & interest' };

  await expect(current).toHaveText(names[second], { timeout: 9_000 });
  await expect(scene(page, second)).toBeVisible();
  await expect(current).toHaveText(names[first], { timeout: 9_000 });
  await expect(scene(page, first)).toBeVisible();
});

test('the visitors scene charts visitors and interactions by section and the items with most interest', async ({ page, showfloor }) => {
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60 });
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'visitors' });
  const visitors = scene(page, 'visitors');
  await expect(visitors).toBeVisible();
  await expect(visitors.getByText('今日尚无展项互动')).toBeVisible();

  const booth = await createDevice(showfloor.url, { name: 'Booth alpha', role: 'booth', section: 'alpha' });
  const at = new Date().toISOString();
  const events = [
    { id: crypto.randomUUID(), type: 'view', section: 'alpha', item: 'alpha-item-1', at },
    { id: crypto.randomUUID(), type: 'view', section: 'alpha', item: 'alpha-item-1', at },
    { id: crypto.randomUUID(), type: 'tap', section: 'beta', at },
  ];
  expect((await postEvents(showfloor.url, booth.token, { events })).status).toBe(200);
  await (await doorSensor(showfloor)).visits(2, { section: 'beta' });

  await expect(visitors.getByRole('img', { name: /^各展区观众与互动/ })).toHaveAccessibleName(
    /alpha板块 Section alpha: 观众 0 visitors, 互动 2 interactions; beta板块 Section beta: 观众 2 visitors, 互动 1 interactions/,
  );
  await expect(visitors.getByRole('img', { name: /^最受关注展项/ })).toHaveAccessibleName(/: 2$/);
});

test('an operator pins a scene, skips to the next and unpins', async ({ page, showfloor }) => {
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 5 });
  await expect(scene(page, 'overview')).toBeVisible();

  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'visitors' });
  await expect(scene(page, 'visitors')).toBeVisible();
  await expect(page.getByTestId('scene-pinned')).toHaveText('已固定 Pinned');
  // Well past its five seconds, it is still there.
  await page.waitForTimeout(7_000);
  await expect(scene(page, 'visitors')).toBeVisible();
  await expect(scene(page, 'overview')).toHaveCount(0);
  // The console sees what the screen shows (heartbeats come every 15 s).
  const cookie = await signIn(showfloor.url);
  await expect
    .poll(
      async () => {
        const { devices } = (await (await fetch(`${showfloor.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { id: string; view: string | null }[] };
        return devices.find((d) => d.id === stage.id)?.view;
      },
      { timeout: 20_000 },
    )
    .toBe('scene:visitors (pinned)');

  await sendCommandWhenOnline(showfloor, stage.id, { type: 'next-scene' });
  await expect(scene(page, 'overview')).toBeVisible();
  await expect(page.getByTestId('scene-pinned')).toHaveCount(0);

  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'visitors' });
  await expect(scene(page, 'visitors')).toBeVisible();
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: null });
  await expect(page.getByTestId('scene-pinned')).toHaveCount(0);
  await expect(scene(page, 'overview')).toBeVisible({ timeout: 8_000 });
});

test('an announcement for the stage takes over the screen, then leaves at its expiry', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  await expect(scene(page, 'overview')).toBeVisible();
  // One for the kiosks only: never on the stage.
  await postAnnouncement(showfloor, { text: { 'zh-CN': '展台通知', en: 'For the booths' }, target: 'kiosks' }, 60_000);
  await postAnnouncement(showfloor, { text: { 'zh-CN': '路演将于十分钟后开始', en: 'The roadshow starts in ten minutes' }, target: 'stage' }, 8_000);

  const announcement = scene(page, 'announcement');
  await expect(announcement).toBeVisible();
  await expect(announcement.getByText('路演将于十分钟后开始')).toBeVisible();
  await expect(announcement.getByText('The roadshow starts in ten minutes')).toBeVisible();
  await expect(page.getByText('展台通知')).toHaveCount(0);
  await expect(page.getByRole('log', { name: '最新动态 Latest' })).toContainText('新通知：路演将于十分钟后开始');

  await expect(announcement).toHaveCount(0, { timeout: 15_000 });
  // The rotation resumes (where it was; a slow machine may have moved it on before the announcement came).
  await expect(scene(page, 'overview').or(scene(page, 'visitors'))).toBeVisible();
});

test('an unpaired stage shows the live figures with a pairing code, and pairs when an operator approves it', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  const code = page.getByTestId('pairing-code');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
  await expect(scene(page, 'overview')).toBeVisible();
  await (await doorSensor(showfloor)).visits(2);
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('2');

  const response = await fetch(`${showfloor.url}/api/v1/pairing/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(showfloor.url) },
    body: JSON.stringify({ code: await code.textContent(), name: 'Main stage', role: 'stage', sceneSeconds: 5 }),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await expect(code).toHaveCount(0, { timeout: 10_000 });

  // Paired with a 5-second scene length: the rotation follows it, and the screen obeys commands.
  await expect(scene(page, 'visitors')).toBeVisible({ timeout: 8_000 });
  await sendCommandWhenOnline(showfloor, id, { type: 'identify' });
  await expect(page.getByRole('alert', { name: '设备名称 · Screen name' })).toContainText('Main stage');
});

test('a scene that fails to render is skipped, never shown broken', async ({ page, showfloor }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  // Break the "by section" chart only: its canvas refuses to give a drawing context.
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
      if (this.parentElement?.getAttribute('aria-label')?.startsWith('各展区')) throw new Error('this canvas is broken');
      return getContext.apply(this, args);
    } as typeof getContext;
  });
  await openPairedStage(page, showfloor, { sceneSeconds: 5 });
  await expect(scene(page, 'overview')).toBeVisible();

  await expect.poll(() => warnings.some((w) => w.includes('"visitors" scene failed')), { timeout: 10_000 }).toBe(true);
  // The rotation goes on with what works.
  await page.waitForTimeout(6_000);
  await expect(scene(page, 'overview')).toBeVisible();
  await expect(page.getByRole('img', { name: /^各展区观众与互动/ })).toHaveCount(0);
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('0');
});
