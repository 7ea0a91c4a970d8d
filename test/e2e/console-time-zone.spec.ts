import { instantToZoned } from '../../shared/time-zone';
import { api, expect, expectConnected, signInToConsole, test } from './console-helpers';

test.describe.configure({ timeout: 180_000 });

// The operator's laptop is set to New York; the exhibition (the server's TIME_ZONE) is in Shanghai.
test.use({ viewport: { width: 1280, height: 860 }, timezoneId: 'America/New_York' });

test('times are shown and entered on the exhibition clock, labelled with its zone, whatever the laptop zone', async ({ page, showfloor }) => {
  await signInToConsole(page);
  await expectConnected(page);
  await expect(page.getByTestId('exhibition-clock')).toContainText('Asia/Shanghai');
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Announcements' }).click();

  const form = page.getByRole('form', { name: 'New announcement' });
  await form.getByLabel('Chinese text').fill('两小时后开始');
  await form.getByLabel('English text').fill('Starts in two hours');
  await form.getByLabel('Now').uncheck();
  await expect(form.getByRole('group', { name: /Starts/ })).toContainText('Asia/Shanghai');
  // Two hours from now, to the minute, as a clock in the hall reads it.
  const start = Math.ceil((Date.now() + 2 * 3_600_000) / 60_000) * 60_000;
  await form.getByLabel('Start time').fill(instantToZoned(start, 'Asia/Shanghai'));
  await form.getByLabel('Lasts').selectOption('300');
  await form.getByRole('button', { name: 'Send announcement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Announcement sent' })).toBeVisible();

  const listed = (await api(showfloor.url, 'GET', '/api/v1/announcements')).body.announcements as { startsAt: string }[];
  expect(listed.map((a) => a.startsAt)).toEqual([new Date(start).toISOString()]);
  // The list shows it on the hall's clock too.
  const hhmm = instantToZoned(start, 'Asia/Shanghai').slice(11, 16);
  await expect(page.getByRole('row', { name: /Starts in two hours/ })).toContainText(hhmm);
});
