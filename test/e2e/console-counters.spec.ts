import { expect, expectConnected, shot, signInToConsole, snapshot, test } from './console-helpers';

// Several pages and a server per test, on machines often busy with other suites.
test.describe.configure({ timeout: 300_000 });

test.use({ viewport: { width: 1280, height: 900 } });

test('a correction with a reason moves the live figures and is listed and audited; a day reset needs the day typed', async ({ page, showfloor }) => {
  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Counters' }).click();
  const today = page.getByTestId('counter-visitors-today');
  await expect(today).toHaveText('0');

  const form = page.getByRole('form', { name: 'Correct the visitor count' });
  await form.getByLabel('Change (+/−)').fill('7');
  await form.getByLabel('Section').selectOption({ label: 'Section alpha' });
  await form.getByRole('button', { name: 'Record correction' }).click();
  // The reason is mandatory.
  await expect(form.getByLabel('Reason (required)')).toHaveAccessibleDescription('must say why (at least 3 characters)');
  await form.getByLabel('Reason (required)').fill('North door sensor was down 10:00–10:20');
  await form.getByRole('button', { name: 'Record correction' }).click();

  await expect(today).toHaveText('7');
  await expect(page.getByRole('group', { name: /Total visitors/ }).getByTestId('counter-visitors-total')).toHaveText('7');
  const list = page.getByRole('table', { name: 'Corrections' });
  await expect(list.getByRole('row', { name: /North door sensor/ })).toContainText('+7');
  await expect(list.getByRole('row', { name: /North door sensor/ })).toContainText('Section alpha');
  expect((await snapshot(showfloor.url)).counters.visitors.bySection.alpha).toBe(7);
  await shot(page, 'counters');

  // Reset: the button waits for the day typed exactly.
  const reset = page.getByRole('region', { name: 'Reset a day' });
  const day = (await snapshot(showfloor.url)).counters.day;
  const button = reset.getByRole('button', { name: `Reset ${day}` });
  await reset.getByLabel('Reason (required)').fill('Rehearsal figures');
  await expect(button).toBeDisabled();
  await reset.getByLabel(`Type ${day} to confirm`).fill('2000-01-01');
  await expect(button).toBeDisabled();
  await reset.getByLabel(`Type ${day} to confirm`).fill(day);
  await button.click();
  await page.getByRole('dialog', { name: `Reset ${day}?` }).getByRole('button', { name: 'Reset' }).click();
  await expect(today).toHaveText('0');

  // Both are in the audit log, and the export carries the same filter.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: 'counters' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /corrected a counter/ })).toContainText('admin');
  await expect(page.getByRole('row', { name: /reset a day's figures/ })).toBeVisible();
  const csvLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(csvLink).toHaveAttribute('href', /^\/api\/v1\/audit\.csv\?targetType=counters$/);
  const csv = await (await page.request.get(await csvLink.getAttribute('href') ?? '')).text();
  expect(csv).toContain('counters.correct');
  expect(csv).not.toContain('user.create');
  await page.getByRole('row', { name: /corrected a counter/ }).getByText(/field/).click();
  await shot(page, 'audit');
});
