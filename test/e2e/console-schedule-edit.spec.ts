import { instantToZoned } from '../../shared/time-zone';
import { createDevice } from '../support/test-server';
import { api, expect, expectConnected, shot, signInToConsole, test } from './console-helpers';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' });

const ZONE = 'Asia/Shanghai';
const MIN = 60_000;

test('an operator edits a slot into a group pin that holds the same screen, sees both flagged, and moves it apart again', async ({ page, showfloor }) => {
  const stage = await createDevice(showfloor.url, { name: 'Hall B stage', role: 'stage' });
  const group = (await api(showfloor.url, 'POST', '/api/v1/groups', { name: 'Hall B', deviceIds: [stage.id] })).body as { id: string };
  // From the next whole quarter hour, so the day view's minutes are unambiguous.
  const base = Math.ceil((Date.now() + 20 * MIN) / (15 * MIN)) * 15 * MIN;
  const iso = (ms: number) => new Date(ms).toISOString();
  expect((await api(showfloor.url, 'POST', '/api/v1/schedule', { kind: 'scene-pin', target: { type: 'group', id: group.id }, scene: 'visitors', startsAt: iso(base), endsAt: iso(base + 60 * MIN) })).status).toBe(201);
  expect((await api(showfloor.url, 'POST', '/api/v1/schedule', { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'roadshow', startsAt: iso(base + 90 * MIN), endsAt: iso(base + 120 * MIN) })).status).toBe(201);

  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Run of show' }).click();
  await page.getByLabel(/^Day/).fill(instantToZoned(base, ZONE).slice(0, 10));
  const hm = (ms: number) => instantToZoned(ms, ZONE).slice(11, 16);
  const groupSlot = page.getByRole('listitem', { name: new RegExp(`^${hm(base)}.*group Hall B$`) });
  const ownSlot = () => page.getByRole('listitem', { name: /Hall B stage$/ });
  await expect(groupSlot).toBeVisible();
  await expect(ownSlot()).not.toContainText('conflicts with');

  // Edit the stage's own slot so it runs inside the group's pin with another scene.
  await ownSlot().getByRole('button', { name: 'Edit this slot' }).click();
  const form = page.getByRole('form', { name: 'Edit slot' });
  await expect(form.getByRole('combobox', { name: 'Scene', exact: true })).toHaveValue('roadshow');
  await form.getByLabel(/^Starts/).fill(instantToZoned(base + 30 * MIN, ZONE).slice(0, 16));
  await form.getByLabel(/^Ends/).fill(instantToZoned(base + 45 * MIN, ZONE).slice(0, 16));
  // The console warns before saving, by the rule the server applies.
  await expect(form.getByRole('status')).toContainText(`Would conflict with: ${hm(base)}–${hm(base + 60 * MIN)} group Hall B`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(ownSlot()).toHaveAccessibleName(new RegExp(`^${hm(base + 30 * MIN)}–${hm(base + 45 * MIN)}`));
  await expect(ownSlot()).toContainText('conflicts with 1 slot(s)');
  await expect(groupSlot).toContainText('conflicts with 1 slot(s)');
  await expect(page.getByRole('form', { name: 'New slot' })).toBeVisible();
  await shot(page, 'schedule-conflict');

  // Moved after the group's pin: no conflict left, on either side.
  await ownSlot().getByRole('button', { name: 'Edit this slot' }).click();
  await form.getByLabel(/^Starts/).fill(instantToZoned(base + 60 * MIN, ZONE).slice(0, 16));
  await form.getByLabel(/^Ends/).fill(instantToZoned(base + 75 * MIN, ZONE).slice(0, 16));
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(ownSlot()).toHaveAccessibleName(new RegExp(`^${hm(base + 60 * MIN)}–`));
  await expect(ownSlot()).not.toContainText('conflicts with');
  await expect(groupSlot).not.toContainText('conflicts with');
});
