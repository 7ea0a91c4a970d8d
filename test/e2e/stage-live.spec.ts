import { createDevice, postEvents, visitEvent } from '../support/test-server';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1920, height: 1080 } });

test('the stage shows visitors counted by a door sensor without a reload', async ({ page, showfloor }) => {
  await page.goto('/stage/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');

  const visitorsToday = page.getByRole('group', { name: '今日观众 Visitors today' }).getByTestId('counter-visitors-today');
  await expect(visitorsToday).toHaveText('0');
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const sensor = await createDevice(showfloor.url, { name: 'Door sensor', role: 'sensor' });
  const posted = await postEvents(showfloor.url, sensor.token, {
    events: [visitEvent({ section: 'alpha' }), visitEvent({ section: 'alpha' }), visitEvent({ section: 'beta' })],
  });
  expect(posted).toEqual({ status: 200, body: { accepted: 3, duplicates: 0 } });

  await expect(visitorsToday).toHaveText('3');
  await expect(page.getByRole('group', { name: '累计观众 Total visitors' }).getByTestId('counter-visitors-total')).toHaveText('3');
  // The alpha tile shows its own two visitors (its interactions stay 0).
  await expect(page.locator('[data-section="alpha"]')).toContainText('2');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

  await page.screenshot({ path: 'test-results/stage-live.png' });
});

test('the stage shows every section title in Chinese and in English', async ({ page }) => {
  await page.goto('/stage/');

  for (const title of ['alpha板块', 'Section alpha', 'beta板块', 'Section beta']) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展 Test Exhibition');
});

test('the stage asks for a fresh snapshot when it misses a patch', async ({ page, showfloor }) => {
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
