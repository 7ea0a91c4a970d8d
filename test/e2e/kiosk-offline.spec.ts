import { startTestServer } from '../support/test-server';
import { expect, interactions, NETWORK_ERRORS, WEB_DIR, openPairedKiosk, readyForOffline, shot, test, touchToStart, VIEWPORTS } from './kiosk-helpers';

test.use({ viewport: VIEWPORTS.portrait });

test('with the server gone the kiosk keeps working from its cache, and its queued interactions count exactly once when it is back', async ({
  page,
  showfloor,
  toleratedErrors,
}) => {
  await openPairedKiosk(page, showfloor, { name: 'Offline booth' });
  await readyForOffline(page);
  const { dataDir, port } = showfloor;

  // The exhibition Wi-Fi drops (the server goes away: Playwright's setOffline leaves open sockets up).
  toleratedErrors.push(NETWORK_ERRORS);
  await showfloor.stop({ keepData: true });
  const badge = page.getByTestId('offline-badge');
  await expect(badge).toContainText('离线 · Offline');
  await expect(badge).toContainText('正在显示已保存的内容 · Showing saved content');
  await expect(page.getByRole('status')).toHaveText('重新连接中 · Reconnecting');

  // A visit from the cache: a tap, two views and two dwells wait in the queue.
  await touchToStart(page);
  await page.getByRole('button', { name: 'alpha板块' }).click();
  await page.getByRole('button', { name: 'alpha展项1' }).click();
  await page.getByRole('button', { name: '下一项' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项2');
  await expect(page.getByTestId('offline-badge')).toContainText('离线 · Offline');
  await shot(page, 'offline-item');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');

  // A power cycle while offline: the service worker serves the app, IndexedDB the content and the queue.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展 Test Exhibition');
  await expect(page.getByTestId('offline-badge')).toContainText('离线 · Offline');
  await expect(page.getByTestId('offline-age')).toContainText('数据更新于');
  await shot(page, 'offline-cold-start');
  await touchToStart(page);
  await page.getByRole('button', { name: 'beta板块' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('beta板块');

  // The server comes back on the same address and data, with content changed while the kiosk was away.
  const restarted = await startTestServer({ WEB_DIR: WEB_DIR, DATA_DIR: dataDir, PORT: String(port) });
  try {
    const content = restarted.server.services.content;
    const bundle = structuredClone(content.all());
    bundle.sections.find((s) => s.id === 'beta')!.title['zh-CN'] = 'beta板块（更新）';
    content.replaceAll(bundle);

    // It reconnects by itself (jittered back-off), catches up without a reload, and sends its queue.
    await expect(page.getByRole('status')).toHaveText('在线 · Online', { timeout: 40_000 });
    await expect(page.getByTestId('offline-badge')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('beta板块（更新）', { timeout: 5_000 });
    await expect.poll(() => interactions(restarted.url, 'alpha'), { timeout: 30_000 }).toEqual({ taps: 1, views: 2, dwellCount: 2 });
    await expect.poll(() => interactions(restarted.url, 'beta'), { timeout: 30_000 }).toEqual({ taps: 1, views: 0, dwellCount: 0 });

    // Exactly once: later retries or a resent batch do not add to it.
    await page.waitForTimeout(6_000);
    expect(await interactions(restarted.url, 'alpha')).toEqual({ taps: 1, views: 2, dwellCount: 2 });
    expect(await interactions(restarted.url, 'beta')).toEqual({ taps: 1, views: 0, dwellCount: 0 });
    await shot(page, 'offline-recovered');
  } finally {
    await restarted.stop();
  }
});
