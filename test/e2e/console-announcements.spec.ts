import { instantToZoned } from '../../shared/time-zone';
import { connectLive } from '../support/live-client';
import { expect, expectConnected, shot, signInToConsole, snapshot, test } from './console-helpers';

// Several pages and a server per test, on machines often busy with other suites.
test.describe.configure({ timeout: 300_000 });

test.use({ viewport: { width: 1280, height: 860 } });

const text = { zh: '下午三点路演开始', en: 'The roadshow starts at 3 pm' };

test('an announcement with a short expiry appears on the screens, then expires by itself', async ({ page, showfloor }) => {
  const screen = await connectLive(showfloor.url);
  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Announcements' }).click();

  const form = page.getByRole('form', { name: 'New announcement' });
  await form.getByLabel('Chinese text').fill(text.zh);
  await form.getByLabel('English text').fill(text.en);
  await form.getByLabel('Show on').selectOption('all');
  // The shortest allowed (30 s), started 24 s ago so that it ends eight seconds from now; on the
  // exhibition's wall clock (the server's TIME_ZONE), as an operator would type it.
  const zone = (await snapshot(showfloor.url)).counters.timeZone;
  await form.getByLabel('Now').uncheck();
  await form.getByLabel('Start time').fill(instantToZoned(Date.now() - 22_000, zone));
  await form.getByLabel('Lasts').selectOption('until');
  const until = instantToZoned(Date.now() + 8_000, zone);
  await form.getByLabel('Expires at').fill(until);
  await form.getByLabel('Urgent (prominent style)').check();
  await form.getByRole('button', { name: 'Send announcement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Announcement sent' })).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(text.en) });
  await expect(row.getByTestId('announcement-state')).toHaveText('Active');
  await expect(row).toContainText('Urgent');
  await expect(row).toContainText('All screens');
  // Every screen has it: the /live patch and the public snapshot.
  const shown = await screen.nextPatch((p) => p.type === 'announcements' && p.announcements.length === 1);
  expect(shown.type === 'announcements' && shown.announcements[0]).toMatchObject({ text: { 'zh-CN': text.zh, en: text.en }, urgent: true, target: 'all' });
  expect((await snapshot(showfloor.url)).announcements).toHaveLength(1);
  await shot(page, 'announcements');

  // It vanishes on time, without anyone touching it.
  await expect(row.getByTestId('announcement-state')).toHaveText('Expired', { timeout: 15_000 });
  await screen.nextPatch((p) => p.type === 'announcements' && p.seq > shown.seq && p.announcements.length === 0, 15_000);
  expect((await snapshot(showfloor.url)).announcements).toEqual([]);
  await expect(row.getByRole('button', { name: /Withdraw/ })).toHaveCount(0);
  screen.close();
});

test('withdrawing an announcement takes one click and takes it off every screen', async ({ page, showfloor }) => {
  const screen = await connectLive(showfloor.url);
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/announcements');
  const form = page.getByRole('form', { name: 'New announcement' });
  await form.getByLabel('Chinese text').fill('请到B厅');
  await form.getByLabel('English text').fill('Please come to hall B');
  await form.getByLabel('Show on').selectOption('stage');
  await form.getByRole('group', { name: 'Quick durations' }).getByRole('button', { name: 'Until withdrawn' }).click();
  await expect(form.getByLabel('Lasts')).toHaveValue('withdrawn');
  await form.getByRole('button', { name: 'Send announcement' }).click();
  const row = page.getByRole('row', { name: /Please come to hall B/ });
  await expect(row.getByTestId('announcement-state')).toHaveText('Active');
  await expect(row).toContainText('until withdrawn');
  await expect(row).toContainText('Stage displays');
  await screen.nextPatch((p) => p.type === 'announcements' && p.announcements.length === 1);

  await row.getByRole('button', { name: 'Withdraw: Please come to hall B' }).click();
  await expect(row.getByTestId('announcement-state')).toHaveText('Withdrawn');
  await screen.nextPatch((p) => p.type === 'announcements' && p.announcements.length === 0);
  expect((await snapshot(showfloor.url)).announcements).toEqual([]);
  screen.close();
});

test('an incomplete announcement is not sent, and the form says which field is missing', async ({ page }) => {
  await signInToConsole(page);
  await page.goto('/console/announcements');
  const form = page.getByRole('form', { name: 'New announcement' });
  await form.getByLabel('Chinese text').fill('只有中文');
  await form.getByLabel('Show on').selectOption('device');
  await form.getByRole('button', { name: 'Send announcement' }).click();
  await expect(form.getByLabel('English text')).toHaveAccessibleDescription('must not be empty');
  await expect(form.getByRole('combobox', { name: /^Device/ })).toHaveAccessibleDescription('is required when target is "device"');
  await expect(page.getByRole('table')).toHaveCount(0);
});
