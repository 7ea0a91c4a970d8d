import { api, createUser, expect, expectConnected, openScreen, shot, signInToConsole, snapshot, test } from './console-helpers';

// Several pages and a server per test, on machines often busy with other suites.
test.describe.configure({ timeout: 300_000 });

// The matchmaking desk is a tablet in landscape.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const PASSWORD = 'an-operator-password';

test('an operator adds an organisation and a partner, records a meeting and moves it to signed in a few taps; the totals follow; a correction needs a reason', async ({ page, showfloor }) => {
  await createUser(showfloor.url, 'operator1', 'operator', PASSWORD);
  await signInToConsole(page, 'operator1', PASSWORD);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Matchmaking' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matchmaking');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const meetings = page.getByTestId('deals-meetings');
  const intentions = page.getByTestId('deals-intentions');
  const agreements = page.getByTestId('deals-agreements');
  await expect(meetings).toHaveText('0');

  // The organisation: its country code is checked before anything is sent.
  const orgForm = page.getByRole('form', { name: 'Add an organisation' });
  await orgForm.getByLabel('Name (Chinese)').fill('弗劳恩霍夫协会');
  await orgForm.getByLabel('Name (English)').fill('Fraunhofer Society');
  await orgForm.getByLabel('Country code').fill('D1');
  await orgForm.getByRole('button', { name: 'Add organisation' }).click();
  await expect(orgForm.getByLabel('Country code')).toHaveAccessibleDescription('must be a two-letter ISO country code such as DE');
  await orgForm.getByLabel('Country code').fill('de');
  await expect(orgForm.getByText('Germany', { exact: true })).toBeVisible();
  await orgForm.getByLabel('Type').selectOption({ label: 'Research institute' });
  await orgForm.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Fraunhofer Society” added' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Organisations/ }).getByRole('row', { name: /Fraunhofer Society/ })).toContainText('Germany');
  // Cleared and ready for the next one from the keyboard.
  await expect(orgForm.getByLabel('Name (Chinese)')).toHaveValue('');
  await expect(orgForm.getByLabel('Name (Chinese)')).toBeFocused();

  const partnerForm = page.getByRole('form', { name: 'Add a partner' });
  await partnerForm.getByLabel('Name (Chinese)').fill('杭州智联科技');
  await partnerForm.getByLabel('Name (English)').fill('Hangzhou Zhilian Tech');
  await partnerForm.getByLabel('District (optional)').fill('西湖区');
  await partnerForm.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByRole('table', { name: /^Hangzhou partners/ }).getByRole('row', { name: /Hangzhou Zhilian Tech/ })).toContainText('西湖区');

  // The meeting: a few letters find each side (by tap, then by keyboard), one tap for the industry.
  const meetingForm = page.getByRole('form', { name: 'Record a meeting' });
  await meetingForm.getByRole('button', { name: 'Record meeting' }).click();
  await expect(meetingForm.getByRole('combobox', { name: 'Organisation' })).toHaveAccessibleDescription('pick an organisation from the list');
  const organisation = meetingForm.getByRole('combobox', { name: 'Organisation' });
  await organisation.fill('fraun');
  await page.getByRole('listbox', { name: 'Organisation' }).getByRole('option', { name: /Fraunhofer Society/ }).click();
  await expect(organisation).toHaveValue('Fraunhofer Society');
  const partner = meetingForm.getByRole('combobox', { name: 'Hangzhou partner' });
  await partner.fill('智联');
  await expect(page.getByRole('listbox', { name: 'Hangzhou partner' }).getByRole('option', { name: /杭州智联科技/ })).toBeVisible();
  await partner.press('Enter');
  await expect(partner).toHaveValue('Hangzhou Zhilian Tech');
  await meetingForm.getByRole('radio', { name: /Biomedicine/ }).check();
  await meetingForm.getByRole('button', { name: 'Record meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meeting with “Fraunhofer Society” recorded' })).toBeVisible();
  // Ready for the next one: the sides are cleared, the industry kept, the organisation focused.
  await expect(organisation).toHaveValue('');
  await expect(organisation).toBeFocused();
  await expect(meetingForm.getByRole('radio', { name: /Biomedicine/ })).toBeChecked();
  await expect(meetings).toHaveText('1');

  const row = page.getByRole('table', { name: /^Meetings/ }).getByRole('row', { name: /Fraunhofer Society/ });
  await expect(row).toContainText('Held');
  await expect(row).toContainText('Biomedicine');
  await row.getByRole('button', { name: 'Intention' }).click();
  await expect(row.getByRole('list', { name: 'Times' }).getByRole('listitem')).toHaveCount(2);
  await expect(intentions).toHaveText('1');
  await row.getByRole('button', { name: 'Signed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signed: Fraunhofer Society × Hangzhou Zhilian Tech' })).toBeVisible();
  await expect(agreements).toHaveText('1');
  await expect(row.getByRole('list', { name: 'Times' }).getByRole('listitem')).toHaveText([/^Held \d\d\/\d\d/, /^Intention \d\d\/\d\d/, /^Signed \d\d\/\d\d/]);
  await expect(row.getByRole('button', { name: 'Signed' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'By country' }).getByRole('row', { name: /Germany/ })).toHaveText(/Germany\s*1\s*1\s*1/);
  await expect(page.getByRole('table', { name: 'By industry' }).getByRole('row', { name: /Biomedicine/ })).toHaveText(/Biomedicine\s*1\s*1\s*1/);
  expect((await snapshot(showfloor.url)).deals.totals).toEqual({ meetings: 1, intentions: 1, agreements: 1 });
  await shot(page, 'matchmaking', { fullPage: true });

  // A correction goes through the audited path: it asks where to and why.
  await row.getByRole('button', { name: 'Correct…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct a meeting' });
  await dialog.getByLabel('Change to').selectOption({ label: 'Intention' });
  await dialog.getByRole('button', { name: 'Record correction' }).click();
  await expect(dialog.getByLabel('Reason (required)')).toHaveAccessibleDescription('must say why (at least 3 characters)');
  await dialog.getByLabel('Reason (required)').fill('Signed on the wrong row');
  await dialog.getByRole('button', { name: 'Record correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Intention');
  await expect(agreements).toHaveText('0');
  await row.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History of Fraunhofer Society' }).getByRole('listitem');
  await expect(history).toHaveCount(4);
  await expect(history.nth(3)).toContainText('Signed → Intention');
  await expect(history.nth(3)).toContainText('Correction: Signed on the wrong row');
  await expect(history.nth(3)).toContainText('operator1');
  const audit = await api(showfloor.url, 'GET', '/api/v1/audit?action=meeting.correct');
  expect(audit.body.entries).toHaveLength(1);

  // Everything in one file.
  const exportLink = page.getByRole('link', { name: 'Export all records (CSV)' });
  await expect(exportLink).toHaveAttribute('href', '/api/v1/deals/export.csv');
  const csv = await (await page.request.get('/api/v1/deals/export.csv')).text();
  expect(csv).toContain('Fraunhofer Society');
  expect(csv).toContain('Hangzhou Zhilian Tech');
  expect(csv).toContain('biomedicine');
});

test('organisations come from a CSV file; a file with a wrong line is refused with the line and column named', async ({ page, showfloor, toleratedErrors }) => {
  toleratedErrors.push({ status: 400, path: /^\/api\/v1\/deals\/organisations\/import$/ });
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/matchmaking');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matchmaking');

  const form = page.getByRole('form', { name: 'Import organisations' });
  const file = (text: string) => ({ name: 'organisations.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await form.getByLabel('CSV file').setInputFiles(file('name_zh,name_en,country,type\n弗劳恩霍夫协会,Fraunhofer,DE,research\n某机构,Somewhere,ZZ,other\n'));
  await form.getByRole('button', { name: 'Import' }).click();
  const problems = form.getByRole('alert');
  await expect(problems).toContainText('The file was not imported');
  await expect(problems.getByRole('listitem')).toHaveText([/Line 3\s*country:\s*not a known country code/]);
  await expect(page.getByRole('table', { name: /^Organisations/ })).toHaveCount(0);
  await shot(page, 'matchmaking-import-refused');

  await form.getByLabel('CSV file').setInputFiles(file('name_zh,name_en,country,type\n弗劳恩霍夫协会,Fraunhofer,de,research\n意大利技术研究院,Istituto Italiano di Tecnologia,IT,research\n'));
  await expect(problems).toHaveCount(0);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 organisations' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Organisations/ });
  await expect(table.getByRole('row', { name: /Istituto Italiano di Tecnologia/ })).toContainText('Italy');
  await expect(table.getByRole('row', { name: /Fraunhofer/ })).toContainText('Germany');
  // Imported organisations are found in the meeting form straight away.
  await page.getByRole('combobox', { name: 'Organisation' }).fill('ital');
  await expect(page.getByRole('listbox', { name: 'Organisation' }).getByRole('option')).toHaveText([/Istituto Italiano di Tecnologia/]);
  expect((await api(showfloor.url, 'GET', '/api/v1/deals')).body.organisations).toHaveLength(2);
});

test('an agreement signed in the console is celebrated on an open stage display', async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  await api(showfloor.url, 'POST', '/api/v1/deals/organisations', { name: { 'zh-CN': '意大利技术研究院', en: 'Istituto Italiano di Tecnologia' }, country: 'IT', type: 'research' });
  await api(showfloor.url, 'POST', '/api/v1/deals/partners', { name: { 'zh-CN': '杭州智联科技', en: 'Hangzhou Zhilian Tech' } });
  const stage = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await stage.page.setViewportSize({ width: 1920, height: 1080 });
  await stage.page.goto('/stage/');
  await expect(stage.page.getByRole('status').first()).toBeVisible();

  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/matchmaking');
  const form = page.getByRole('form', { name: 'Record a meeting' });
  await form.getByRole('combobox', { name: 'Organisation' }).fill('istituto');
  await form.getByRole('combobox', { name: 'Organisation' }).press('Enter');
  await form.getByRole('combobox', { name: 'Hangzhou partner' }).fill('zhilian');
  await form.getByRole('combobox', { name: 'Hangzhou partner' }).press('Enter');
  await form.getByRole('radio', { name: /New materials/ }).check();
  await form.getByRole('button', { name: 'Record meeting' }).click();
  const row = page.getByRole('table', { name: /^Meetings/ }).getByRole('row', { name: /Istituto Italiano di Tecnologia/ });
  await row.getByRole('button', { name: 'Signed' }).click();
  await expect(page.getByTestId('deals-agreements')).toHaveText('1');

  const celebration = stage.page.getByRole('alert');
  await expect(celebration).toContainText('意大利技术研究院');
  await expect(celebration).toContainText('Istituto Italiano di Tecnologia');
  await expect(celebration).toContainText('Hangzhou Zhilian Tech');
  await stage.page.screenshot({ path: 'test-results/console-matchmaking-stage-celebration.png' });
  await stage.context.close();
});
