import type { PairingTicket } from '../../shared/devices.schema';
import { api, expect, expectConnected, openScreen, shot, signInToConsole, test } from './console-helpers';

// Several pages and a server per test, on machines often busy with other suites.
test.describe.configure({ timeout: 300_000 });

test.use({ viewport: { width: 1280, height: 860 } });

const post = async (url: string, path: string, body: unknown) => {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
};

test('a screen asks to be paired, the operator approves its code in the console, and the screen gets its token', async ({ page, showfloor }) => {
  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Screens' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Screens');

  // A new screen opens the pairing (as the kiosk and stage do) and shows its code.
  const ticket = (await post(showfloor.url, '/api/v1/pairing', {})).body as PairingTicket;
  const waiting = page.getByRole('region', { name: 'Waiting to pair' });
  await expect(waiting.getByText(ticket.code)).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: /Screens/ })).toContainText('1');

  await waiting.getByRole('button', { name: `Approve ${ticket.code}` }).click();
  const form = page.getByRole('form', { name: 'Approve pairing' });
  await expect(form.getByLabel('Pairing code')).toHaveValue(ticket.code);
  await form.getByLabel('Screen name').fill('Booth 7');
  await form.getByLabel('Pinned section').selectOption({ label: 'Section beta' });
  await form.getByLabel('Idle timeout (s)').fill('45');
  await form.getByLabel('Default language').selectOption('en');
  await shot(page, 'pairing');
  await form.getByRole('button', { name: 'Approve and pair' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paired “Booth 7”' })).toBeVisible();
  await expect(waiting.getByText(ticket.code)).toBeHidden();

  const claimed = await post(showfloor.url, '/api/v1/pairing/claim', { id: ticket.id, secret: ticket.secret });
  expect(claimed.status).toBe(200);
  expect(claimed.body).toMatchObject({ status: 'paired', device: { name: 'Booth 7', role: 'booth', section: 'beta', idleTimeoutSeconds: 45, locale: 'en' } });
  expect(claimed.body.token).toEqual(expect.any(String));
  await expect(page.getByRole('article', { name: 'Booth 7' })).toContainText('pinned: Section beta');
});

test('a wrong code is refused with a clear message', async ({ page }) => {
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/fleet');
  const form = page.getByRole('form', { name: 'Approve pairing' });
  await form.getByLabel('Pairing code').fill('ZZZZZZ');
  await form.getByLabel('Screen name').fill('Nobody');
  await form.getByRole('button', { name: 'Approve and pair' }).click();
  await expect(form.getByRole('alert')).toContainText('no screen is waiting with code ZZZZZZ');
  await form.getByLabel('Pairing code').fill('12');
  await form.getByRole('button', { name: 'Approve and pair' }).click();
  await expect(form.getByLabel('Pairing code')).toHaveAccessibleDescription(/6-character code/);
});

test('a paired kiosk is online in the console; identify reaches it; revoking takes it offline and back to pairing', async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  // The kiosk's connections are closed on purpose when it is revoked; its reconnect attempts may be refused meanwhile.
  const kioskRefusals = [...toleratedErrors, { status: 401, path: /.*/ }];
  const kiosk = await openScreen(browser, showfloor.url, kioskRefusals, pageErrors);
  await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.page.goto('/kiosk/');
  const code = (await kiosk.page.getByTestId('pairing-code').textContent())!.trim();

  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/fleet');
  const form = page.getByRole('form', { name: 'Approve pairing' });
  await form.getByLabel('Pairing code').fill(code.toLowerCase());
  await form.getByLabel('Screen name').fill('North booth');
  await form.getByRole('button', { name: 'Approve and pair' }).click();

  await expect(kiosk.page.locator('[data-paired-as]')).toHaveAttribute('data-paired-as', 'North booth', { timeout: 10_000 });
  const card = page.getByRole('article', { name: 'North booth' });
  await expect(card.getByTestId('device-state')).toHaveText('Online', { timeout: 10_000 });
  await expect(card).toContainText('127.0.0.1');
  await expect(card).not.toContainText('App version—');
  await shot(page, 'fleet');

  await card.getByRole('button', { name: 'Identify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Identify: sent to “North booth”' })).toBeVisible();

  await card.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “North booth”?' });
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revoked “North booth”' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Paired screens' }).getByRole('article', { name: 'North booth' })).toHaveCount(0);
  await expect(page.getByText('0 online of 0')).toBeVisible();
  await page.getByText('Revoked (1)').click();
  await expect(page.getByRole('row', { name: /North booth/ })).toBeVisible();

  // The screen lost its token: it is back to showing a pairing code.
  await expect(kiosk.page.getByTestId('pairing-code')).toBeVisible({ timeout: 10_000 });
  const devices = await api(showfloor.url, 'GET', '/api/v1/devices');
  expect(devices.body.devices.find((d: { name: string }) => d.name === 'North booth')).toMatchObject({ online: false, revokedAt: expect.any(String) });
  await kiosk.context.close();
});

test('a stage display gets scene controls', async ({ page, showfloor }) => {
  const created = await api(showfloor.url, 'POST', '/api/v1/devices', { name: 'Main stage', role: 'stage' });
  expect(created.status).toBe(201);
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/fleet');
  const card = page.getByRole('article', { name: 'Main stage' });
  await expect(card.getByTestId('device-state')).toHaveText('Offline');
  await card.getByRole('button', { name: 'Next scene' }).click();
  // Nobody is connected as that screen: the operator is told the command did not arrive.
  await expect(page.getByRole('alert').filter({ hasText: 'is not connected; the command was not delivered' })).toBeVisible();
  await card.getByLabel('Scene of Main stage').selectOption('visitors');
  await expect.poll(async () => (await api(showfloor.url, 'GET', '/api/v1/audit?action=device.command.pin-scene')).body.entries.length).toBe(1);
});
