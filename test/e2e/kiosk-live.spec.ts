import { createDevice, postEvents, signIn, visitEvent } from '../support/test-server';
import { expect, openPairedKiosk, sendCommand, shot, test, touchToStart, VIEWPORTS, type Orientation } from './kiosk-helpers';

for (const orientation of Object.keys(VIEWPORTS) as Orientation[]) {
  test(`a content change and new figures appear on a ${orientation} kiosk without a reload`, async ({ page, showfloor }) => {
    await page.setViewportSize(VIEWPORTS[orientation]);
    await page.goto('/kiosk/');
    await touchToStart(page);
    await page.getByRole('button', { name: 'alpha板块' }).click();
    await page.getByRole('button', { name: 'alpha展项1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
    // Survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const content = showfloor.server.services.content;
    const bundle = structuredClone(content.all());
    const item = bundle.items.find((i) => i.id === 'alpha-item-1')!;
    item.title['zh-CN'] = 'alpha展项1（修订）';
    item.body['zh-CN'] = '<p>新的正文<img src="x" onerror="window.pwned=1"></p><script>window.pwned=2</script>';
    content.replaceAll(bundle);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1（修订）');
    await expect(page.getByText('新的正文')).toBeVisible();
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);

    // Door sensors count visitors: the live strip follows (and animates to the new value).
    const sensor = await createDevice(showfloor.url);
    await postEvents(showfloor.url, sensor.token, { events: [visitEvent(), visitEvent(), visitEvent({ section: 'beta' })] });
    await expect(page.getByTestId('strip-visitors-today')).toHaveAttribute('value', '3');
    await expect(page.getByTestId('strip-visitors-today')).toHaveText('3');
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await shot(page, `${orientation}-live-update`);
  });
}

test('announcements show as a banner, urgent ones take the whole screen until they expire', async ({ page, showfloor }) => {
  await page.setViewportSize(VIEWPORTS.landscape);
  const cookie = await signIn(showfloor.url);
  const announce = async (body: Record<string, unknown>) => {
    const response = await fetch(`${showfloor.url}/api/v1/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  };
  await page.goto('/kiosk/');
  await touchToStart(page);

  await announce({ text: { 'zh-CN': '路演将于14:00开始', en: 'The roadshow starts at 14:00' }, target: 'kiosks', expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() });
  await announce({ text: { 'zh-CN': '只给舞台', en: 'Stage only' }, target: 'stage', expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() });
  const banner = page.getByTestId('announcement-banner');
  await expect(banner).toHaveText('路演将于14:00开始');
  await expect(page.getByText('只给舞台')).toBeHidden();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(banner).toHaveText('The roadshow starts at 14:00');
  await shot(page, 'announcement-banner');

  // The shortest allowed (30 s), started 22 s ago: it ends eight seconds from now.
  await announce({ text: { 'zh-CN': '请从东门有序离场', en: 'Please leave calmly by the east exit' }, target: 'all', urgent: true, startsAt: new Date(Date.now() - 22_000).toISOString(), expiresAt: new Date(Date.now() + 8_000).toISOString() });
  const urgent = page.getByRole('alert', { name: '重要通知 · Important notice' });
  await expect(urgent).toContainText('请从东门有序离场');
  await expect(urgent).toContainText('Please leave calmly by the east exit');
  await shot(page, 'announcement-urgent');
  // Gone at its expiry, by the kiosk's own clock.
  await expect(urgent).toBeHidden({ timeout: 15_000 });
});

test('an operator can identify the kiosk, change its language and see what it shows', async ({ page, showfloor }) => {
  await page.setViewportSize(VIEWPORTS.portrait);
  const deviceId = await openPairedKiosk(page, showfloor, { name: '北门展台 North booth' });

  await sendCommand(showfloor.url, deviceId, { type: 'identify' });
  const identify = page.getByRole('alert', { name: '设备名称 · Screen name' });
  await expect(identify).toContainText('北门展台 North booth');
  await shot(page, 'identify');
  await expect(identify).toBeHidden({ timeout: 15_000 });

  // A new default language: the next visit starts in it.
  await sendCommand(showfloor.url, deviceId, { type: 'set-locale', locale: 'en' });
  await page.waitForTimeout(500);
  await touchToStart(page);
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();

  // The heartbeat (at connect and every 15 s) tells the console the app version and the view.
  await page.getByRole('button', { name: 'Section alpha' }).click();
  await expect
    .poll(
      async () => {
        const response = await fetch(`${showfloor.url}/api/v1/devices`, { headers: { cookie: await signIn(showfloor.url) } });
        return ((await response.json()) as { devices: { view: string | null }[] }).devices[0]?.view;
      },
      { timeout: 25_000, intervals: [1_000] },
    )
    .toBe('section:alpha');
});
