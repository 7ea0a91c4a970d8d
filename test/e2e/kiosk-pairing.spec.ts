import { signIn } from '../support/test-server';
import { approvePairing, expect, expectPairedAs, interactions, shot, test, touchToStart, VIEWPORTS } from './kiosk-helpers';

test.use({ viewport: VIEWPORTS.portrait });

test('a new kiosk shows a code; once an operator approves it, it knows its name and opens on its section', async ({ page, showfloor }) => {
  await page.goto('/kiosk/');
  // Unpaired, it still shows the public content, with the code beside it.
  const code = page.getByTestId('pairing-code');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
  await expect(page.getByRole('button', { name: '触摸开始 · Touch to start' })).toBeVisible();
  await shot(page, 'pairing-code');

  await approvePairing(showfloor.url, (await code.textContent())!, { name: '展台 A · Booth A', section: 'beta', idleTimeoutSeconds: 30 });

  // No typing on the kiosk: its next claim brings the token, the name and the pinned section.
  await expectPairedAs(page, '展台 A · Booth A');
  // Visitors see which section the booth is about, never its name, role or version.
  await expect(page.getByTestId('booth-section')).toHaveText('本展台 · This booth: beta板块 · Section beta');
  await expect(code).toBeHidden();
  await shot(page, 'pairing-paired');

  // A booth pinned to a section opens on it, and still reaches the others.
  await touchToStart(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('beta板块');
  await expect(page.getByText('本展台 · 1 个展项')).toBeVisible();
  await page.getByRole('button', { name: '全部展区' }).click();
  await expect(page.getByRole('button', { name: 'alpha板块' })).toBeVisible();
  await page.getByRole('button', { name: '首页' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('beta板块');

  // Paired, its interactions reach the server: a view now, a dwell when the visitor leaves.
  await page.getByRole('button', { name: 'beta展项1' }).click();
  await page.getByRole('button', { name: '返回' }).click();
  await expect.poll(() => interactions(showfloor.url, 'beta'), { timeout: 20_000 }).toEqual({ taps: 0, views: 1, dwellCount: 1 });

  // The console's fleet list shows it online with its app version.
  const fleet = await fetch(`${showfloor.url}/api/v1/devices`, { headers: { cookie: await signIn(showfloor.url) } });
  const { devices } = (await fleet.json()) as { devices: { name: string; online: boolean; appVersion: string | null; section: string | null }[] };
  expect(devices).toEqual([expect.objectContaining({ name: '展台 A · Booth A', online: true, section: 'beta', appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) })]);
});

test('a revoked kiosk goes back to showing a pairing code, and keeps showing the exhibition', async ({ page, showfloor }) => {
  await page.goto('/kiosk/');
  const deviceId = await approvePairing(showfloor.url, (await page.getByTestId('pairing-code').textContent())!, { name: 'Booth B' });
  await expectPairedAs(page, 'Booth B');

  const revoked = await fetch(`${showfloor.url}/api/v1/devices/${deviceId}`, { method: 'DELETE', headers: { cookie: await signIn(showfloor.url) } });
  expect(revoked.status).toBe(204);

  await expect(page.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/, { timeout: 20_000 });
  await expectPairedAs(page, '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展 Test Exhibition');
  await expect(page.getByRole('status')).toHaveText('在线 · Online', { timeout: 20_000 });
  await shot(page, 'pairing-revoked');
});
