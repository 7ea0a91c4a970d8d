import { expectConnected, signInToConsole } from './console-helpers';
import { doorFigures, openDoor, pairDoor, setDoor } from './door-helpers';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('a door set to count in and out counts exits apart, and shows who is on site now, never below 0', async ({ page, browser, showfloor, pageErrors, toleratedErrors }) => {
  toleratedErrors.push({ status: 401, path: /\/api\/v1\/session$/ });
  const door = await openDoor(browser, showfloor.url, pageErrors, toleratedErrors);
  await pairDoor(door, showfloor, 'Main entrance');
  // In only by default: one +1, no Out.
  await expect(door.getByRole('button', { name: '+1 离场 · +1 exit' })).toHaveCount(0);

  await setDoor(door, { inOut: true });
  const enter = door.getByRole('button', { name: '+1 进场 · +1 entry' });
  const leave = door.getByRole('button', { name: '+1 离场 · +1 exit' });
  for (let i = 0; i < 3; i++) await enter.click();
  await leave.click();
  await expect(door.getByTestId('door-tally')).toHaveText('3');
  await expect(door.getByTestId('door-tally-out')).toHaveText('1');
  // An exit can be taken back like an entry.
  await leave.click();
  await expect(door.getByTestId('door-tally-out')).toHaveText('2');
  await door.getByRole('button', { name: /撤销 · Undo/ }).click();
  await expect(door.getByTestId('door-tally-out')).toHaveText('1');

  await expect.poll(() => doorFigures(showfloor.url), { timeout: 30_000 }).toEqual({ visitors: 3, onSite: 2, exits: 1 });
  await expect(door.getByTestId('hall-visitors')).toHaveText('3');
  await expect(door.getByTestId('on-site')).toHaveText('2');
  await door.screenshot({ path: 'test-results/door-in-out.png' });

  // More leave than this door saw coming in (they came in before it counted): on site stays at 0.
  for (let i = 0; i < 3; i++) await leave.click();
  await expect.poll(() => doorFigures(showfloor.url), { timeout: 30_000 }).toEqual({ visitors: 3, onSite: 0, exits: 4 });
  await expect(door.getByTestId('on-site')).toHaveText('0');

  // The console's Screens page shows what this door counted each way.
  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/fleet');
  const card = page.getByRole('article', { name: 'Main entrance' });
  await expect(card.getByTestId('device-figure')).toHaveText('3', { timeout: 10_000 });
  await expect(card.getByTestId('device-exits')).toHaveText('4');

  // The setting and the tally stay with the door across a reload; switching back shows one button again.
  await door.reload();
  await expect(door.getByTestId('door-tally-out')).toHaveText('4');
  await expect(door.getByTestId('door-tally')).toHaveText('3');
  await setDoor(door, { inOut: false });
  await expect(door.getByRole('button', { name: '+1 离场 · +1 exit' })).toHaveCount(0);
  await expect(door.getByTestId('on-site')).toHaveCount(0);
  await door.context().close();
});
