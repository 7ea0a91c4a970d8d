import { createDevice, postEvents, visitEvent } from '../support/test-server';
import { doorSensor, expect, scene, STAGE_TEST_TIMEOUT, test } from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

test.use({ viewport: { width: 1920, height: 1080 } });

test('posted visits move the counters and the visitors chart without a reload', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  const overview = scene(page, 'overview');
  const visitorsToday = overview.getByRole('group', { name: '今日观众 Visitors today' }).getByTestId('counter-visitors-today');
  await expect(visitorsToday).toHaveText('0');
  const trend = overview.getByRole('img', { name: /^今日每10分钟观众 · Visitors per 10 minutes today/ });
  await expect(trend).toHaveAccessibleName(/合计 0 total/);
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const sensor = await doorSensor(showfloor);
  await sensor.visits(2, { section: 'alpha' });
  await sensor.visits(1, { section: 'beta' });

  await expect(visitorsToday).toHaveText('3');
  await expect(overview.getByRole('group', { name: '累计观众 Total visitors' }).getByTestId('counter-visitors-total')).toHaveText('3');
  await expect(trend).toHaveAccessibleName(/合计 3 total, 最近10分钟 3 in the latest 10 minutes/);
  // Each section's own figures are the visitors scene's (the overview keeps the headline figures large).
  await expect.poll(async () => ((await (await fetch(`${showfloor.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { bySection: Record<string, number> } } }).counters.visitors.bySection.alpha).toBe(2);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('shows the exhibition figures beside the live ones, never added to them', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  const figures = page.getByRole('complementary', { name: '展会数据 Exhibition figures' });
  await expect(figures).toBeVisible();
  await expect(figures.getByText('1,641')).toBeVisible();
  await expect(figures.getByText('参赛项目 Contest entries')).toBeVisible();

  await (await doorSensor(showfloor)).visits(1);
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('1');
  await expect(page.getByTestId('counter-visitors-total')).toHaveText('1');
});

test('shows the exhibition title in Chinese and in English, and no dashboard chrome', async ({ page }) => {
  await page.goto('/stage/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展 · Test Exhibition');
  // A broadcast look: no app name on screen (the identify overlay says what the screen is).
  await expect(page.getByText('舞台大屏 · Stage display', { exact: true })).toHaveCount(0);
  // The phone page is one scan away.
  await expect(page.getByRole('img', { name: '手机扫码 · Join on your phone' })).toBeVisible();
});

test('celebrates the 1,000th visitor of the day and notes it in the ticker', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('0');
  const sensor = await doorSensor(showfloor);
  await sensor.visits(999);
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('999');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await sensor.visits(2);
  const celebration = page.getByRole('alert', { name: '里程碑 · Milestone' });
  await expect(celebration).toBeVisible();
  await expect(celebration.getByText('今日第 1,000 位观众')).toBeVisible();
  await expect(celebration.getByText('Visitor no. 1,000 today')).toBeVisible();
  await expect(page.getByRole('log', { name: '最新动态 Latest' })).toContainText('今日第 1,000 位观众已到场');
  // It is a moment, not a state: it leaves by itself.
  await expect(celebration).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('1,001');
});

test('asks for a fresh snapshot when it misses a patch', async ({ page, showfloor }) => {
  // Drop the first counters patch on its way to the page, as a flaky network might lose it.
  let dropped = false;
  const requests: string[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!dropped && typeof message === 'string' && message.startsWith('42/live,["patch"')) {
        dropped = true;
        return;
      }
      ws.send(message);
    });
    ws.onMessage((message) => {
      if (typeof message === 'string' && message.includes('"snapshot:request"')) requests.push(message);
      server.send(message);
    });
  });
  await page.goto('/stage/');
  const visitorsToday = page.getByTestId('counter-visitors-today');
  await expect(visitorsToday).toHaveText('0');

  const sensor = await createDevice(showfloor.url);
  await postEvents(showfloor.url, sensor.token, { events: [visitEvent()] });
  await expect.poll(() => dropped).toBe(true);
  // The lost patch leaves the page behind; the next one reveals the gap.
  await expect(visitorsToday).toHaveText('0');
  await postEvents(showfloor.url, sensor.token, { events: [visitEvent(), visitEvent()] });

  await expect(visitorsToday).toHaveText('3');
  expect(requests).toHaveLength(1);
});
