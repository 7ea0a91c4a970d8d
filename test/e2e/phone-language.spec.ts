import { expect, test } from './fixtures';
import { postAnnouncement } from './stage-helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 90_000 });

test.describe('a phone set to English', () => {
  test.use({ locale: 'en-US' });

  test('opens in English, and keeps the language the visitor switched to', async ({ page }) => {
    await page.goto('/m/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Exhibition');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展');
  });
});

test("a kiosk's QR code opens the item in the language the visitor was reading", async ({ page }) => {
  // The browser is Chinese; the code says English.
  await page.goto('/m/item/alpha-item-1?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/展项/);
  // The code's language was for arriving: it leaves the address, so a later switch survives a reload.
  await expect(page).toHaveURL(/\/m\/item\/alpha-item-1$/);
});

test('announcements for phones, and for all screens, show as a banner the visitor can close', async ({ page, showfloor }) => {
  await page.goto('/m/');
  await expect(page.getByRole('status').first()).toBeVisible();
  await postAnnouncement(showfloor, { text: { 'zh-CN': '路演即将开始', en: 'The roadshow starts soon' }, target: 'phones' }, 60_000);
  await postAnnouncement(showfloor, { text: { 'zh-CN': '展台屏专用', en: 'Kiosks only' }, target: 'kiosks' }, 60_000);
  await postAnnouncement(showfloor, { text: { 'zh-CN': '欢迎光临', en: 'Welcome' }, target: 'all' }, 60_000);

  const banner = page.getByRole('region', { name: '通知' });
  await expect(banner).toContainText('路演即将开始');
  await expect(banner).toContainText('欢迎光临');
  await expect(banner).not.toContainText('展台屏专用');
  await page.screenshot({ path: 'test-results/phone-announcement.png' });

  await banner.getByRole('status').filter({ hasText: '路演即将开始' }).getByRole('button', { name: '关闭此通知' }).click();
  await expect(banner).not.toContainText('路演即将开始');
  // Closed stays closed on this phone.
  await page.reload();
  await expect(page.getByRole('region', { name: '通知' })).toContainText('欢迎光临');
  await expect(page.getByRole('region', { name: '通知' })).not.toContainText('路演即将开始');
});
