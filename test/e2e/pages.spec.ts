import { expect, test } from './fixtures';

/**
 * The screens that show the bilingual live counters side by side (the phone shows one language at
 * a time, the console needs a login; their own specs cover them). Visitor screens do not name the
 * software: the app's name is only in the identify overlay.
 */
const SCREENS = [
  { path: '/kiosk/', name: '展台屏 · Booth kiosk', viewport: { width: 1080, height: 1920 }, sectionCards: true },
  { path: '/stage/', name: '舞台大屏 · Stage display', viewport: { width: 1920, height: 1080 }, sectionCards: false },
];

test('the landing page links to the apps, each described in both languages', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '应用 · Apps' });

  for (const [name, href] of [
    ['展台屏 Booth kiosk', '/kiosk/'],
    ['舞台大屏 Stage display', '/stage/'],
    ['运营控制台 Operator console', '/console/'],
    ['手机页 Phone', '/m/'],
    ['门口计数 Door counter', '/door/'],
  ] as const) {
    const link = nav.getByRole('link', { name: new RegExp(`^${name}`) });
    await expect(link).toHaveAttribute('href', href);
  }
});

for (const app of SCREENS) {
  test(`${app.path} shows the live counters and sections in both languages`, async ({ page }) => {
    await page.setViewportSize(app.viewport);
    await page.goto(app.path);

    await expect(page.getByRole('status')).toHaveText('在线 · Online');
    await expect(page.getByText(app.name, { exact: true })).toHaveCount(0);
    for (const [label, testid] of [
      ['今日观众 Visitors today', 'counter-visitors-today'],
      ['今日展台访问 Booth visits today', 'counter-booth-visits-today'],
      ['累计观众 Total visitors', 'counter-visitors-total'],
      ['今日互动 Interactions today', 'counter-interactions-today'],
    ] as const) {
      await expect(page.getByRole('group', { name: label }).getByTestId(testid)).toHaveText('0');
    }
    // The stage shows each section's figures on its visitors scene (a chart), the kiosk as cards.
    if (app.sectionCards) {
      await expect(page.getByRole('article', { name: 'alpha板块 Section alpha' })).toBeVisible();
      await expect(page.getByRole('article', { name: 'beta板块 Section beta' })).toBeVisible();
    }
  });
}

test('a deep link into an app gets the app page', async ({ page }) => {
  await page.goto('/m/sections/alpha');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');
});

test('a screen that loses the server says it is reconnecting and keeps its figures', async ({ page, showfloor }) => {
  await page.goto('/kiosk/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');

  // Cut the connection under socket.io (as a network drop would), not a deliberate server kick.
  for (const socket of showfloor.server.io.of('/live').sockets.values()) socket.conn.close();
  await expect(page.getByRole('status')).toHaveText('重新连接中 · Reconnecting');
  await expect(page.getByTestId('counter-visitors-today')).toHaveText('0');
  // The client reconnects by itself (after about a second) and is online again.
  await expect(page.getByRole('status')).toHaveText('在线 · Online', { timeout: 10_000 });
});
