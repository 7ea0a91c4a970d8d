import type { Page } from '@playwright/test';
import { approvePairing, expectPairedAs, touchToStart } from './kiosk-helpers';
import { expect, expectConnected, openScreen, shot, signInToConsole, test } from './console-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 900 } });

/** Opens a kiosk in its own browser context, pairs it under `name` and starts a visit. */
async function pairedKiosk(page: Page, url: string, name: string): Promise<void> {
  await page.goto('/kiosk/');
  const code = (await page.getByTestId('pairing-code').textContent())!.trim();
  await approvePairing(url, code, { name });
  await expectPairedAs(page, name);
  await touchToStart(page);
}

test('an announcement to a screen group reaches its members and no other screen, and the audit log says so in words', async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  const screenA = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  const screenB = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await pairedKiosk(screenA.page, showfloor.url, 'Hall A booth 1');
  await pairedKiosk(screenB.page, showfloor.url, 'Hall B booth 1');

  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Screens' }).click();
  const groups = page.getByRole('region', { name: 'Screen groups' });
  const form = groups.getByRole('form', { name: 'New group' });
  await form.getByLabel('Group name').fill('Hall A kiosks');
  await form.getByLabel('Hall A booth 1').check();
  await form.getByRole('button', { name: 'Create group' }).click();
  const group = groups.getByRole('listitem', { name: 'Hall A kiosks' });
  await expect(group).toContainText('Hall A booth 1');
  await expect(group).not.toContainText('Hall B booth 1');
  await shot(page, 'groups');

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Announcements' }).click();
  const announce = page.getByRole('form', { name: 'New announcement' });
  await announce.getByLabel('Chinese text').fill('A厅展台请注意');
  await announce.getByLabel('English text').fill('Hall A booths, attention');
  await announce.getByLabel('Show on').selectOption('group');
  await announce.getByRole('combobox', { name: 'Group', exact: true }).selectOption({ label: 'Hall A kiosks (1 screens)' });
  await announce.getByRole('group', { name: 'Quick durations' }).getByRole('button', { name: '2 min' }).click();
  await announce.getByRole('button', { name: 'Send announcement' }).click();
  await expect(page.getByRole('row', { name: /Hall A booths, attention/ })).toContainText('Group: Hall A kiosks');

  await expect(screenA.page.getByTestId('announcement-banner')).toHaveText('A厅展台请注意');
  // The other kiosk got the same message (every screen does) and did not show it.
  await screenB.page.waitForTimeout(1_500);
  await expect(screenB.page.getByText('A厅展台请注意')).toHaveCount(0);

  // The audit log names the person, the action and the group in words, not codes and ids.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  const row = page.getByRole('row', { name: /sent an announcement/ });
  await expect(row).toContainText('admin');
  await expect(row).toContainText('announcement');
  await expect(row).toContainText('“Hall A booths, attention” → group “Hall A kiosks”');
  await expect(row).not.toContainText('announcement.create');
  await expect(page.getByRole('row', { name: /created a screen group/ })).toContainText('Hall A kiosks');
  // Filtered by the screen that got it: the announcement is there; by the other screen, it is not.
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Screen', exact: true }).selectOption({ label: 'Hall B booth 1' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('row', { name: /sent an announcement/ })).toHaveCount(0);
  await filters.getByRole('combobox', { name: 'Screen', exact: true }).selectOption({ label: 'Hall A booth 1' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('row', { name: /sent an announcement/ })).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  await shot(page, 'audit');

  await screenA.context.close();
  await screenB.context.close();
});
