import { contentWithPicture, expect, openPairedKiosk, shot, test, touchToStart, VIEWPORTS } from './kiosk-helpers';

test.use({ viewport: VIEWPORTS.landscape, contentDir: contentWithPicture() });

test('after the idle timeout the kiosk asks "are you still there?", then returns to attract mode in its default language', async ({ page, showfloor }) => {
  // The shortest timeout the server accepts, so the test waits 10 s rather than a minute.
  await openPairedKiosk(page, showfloor, { name: 'Idle booth', idleTimeoutSeconds: 10 });
  await touchToStart(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Section alpha' }).click();
  await page.getByRole('button', { name: 'alpha item 2' }).click();

  const question = page.getByRole('alertdialog', { name: '还在浏览吗？ Are you still there?' });
  await expect(question).toBeVisible({ timeout: 20_000 });

  // "Still here" (answered at once: the countdown is short): the visit goes on where it was, in the visitor's language.
  await page.getByRole('button', { name: '继续浏览 · Keep browsing' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha item 2');

  // Nobody answers: the countdown runs out, back to attract mode and the default language.
  await expect(question).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('idle-countdown')).toContainText(/\d+ 秒后返回首页 · Back to the start in \d+ s/);
  await shot(page, 'idle-question');
  await expect(page.getByRole('button', { name: '触摸开始 · Touch to start' })).toBeVisible({ timeout: 15_000 });
  await expect(question).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await touchToStart(page);
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '首页' })).toBeVisible();
  await shot(page, 'idle-reset');
});

test('a zoomed picture holds the idle timer; pinch and double-tap zoom it', async ({ page, showfloor }) => {
  test.setTimeout(180_000);
  // 20 s: time enough to reach the picture on a busy machine before the timer would ask.
  await openPairedKiosk(page, showfloor, { name: 'Zoom booth', idleTimeoutSeconds: 20 });
  await touchToStart(page);
  await page.getByRole('button', { name: 'alpha板块' }).click();
  await page.getByRole('button', { name: 'alpha展项1' }).click();
  await expect(page.getByRole('img', { name: '城市天际线' })).toBeVisible();
  await shot(page, 'item-with-picture');

  await page.getByRole('button', { name: /轻触图片放大: 城市天际线/ }).click();
  const zoom = page.getByRole('dialog', { name: '城市天际线' });
  await expect(zoom).toBeVisible();
  const picture = zoom.getByRole('img', { name: '城市天际线' });

  // Double-tap zooms in on the point, and out again.
  await zoom.getByTestId('zoom-stage').dblclick();
  await expect(picture).toHaveAttribute('data-scale', '2.50');
  await zoom.getByTestId('zoom-stage').dblclick();
  await expect(picture).toHaveAttribute('data-scale', '1.00');

  // Two fingers moving apart zoom in around them.
  const box = (await zoom.getByTestId('zoom-stage').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }],
    });
  await touch('touchStart', 50);
  for (const spread of [80, 120, 160, 200]) await touch('touchMove', spread);
  await touch('touchEnd', 200);
  await expect.poll(async () => Number(await picture.getAttribute('data-scale'))).toBeGreaterThan(3);
  await shot(page, 'zoom-pinched');

  // Well past the idle timeout and its countdown, the zoom is still open: it holds the timer.
  await page.waitForTimeout(32_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(zoom).toBeVisible();

  // Closed, the timer runs again from now.
  await zoom.getByRole('button', { name: '关闭' }).click();
  await expect(zoom).toBeHidden();
  await expect(page.getByRole('alertdialog', { name: '还在浏览吗？ Are you still there?' })).toBeVisible({ timeout: 30_000 });
});
