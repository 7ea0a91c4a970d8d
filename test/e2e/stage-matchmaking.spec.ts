import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/test-server';
import {
  createAccount,
  expect,
  matchmaking,
  openPairedStage,
  recordAppearances,
  scene,
  SCREENSHOTS,
  sendCommandWhenOnline,
  STAGE_TEST_TIMEOUT,
  test,
} from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

test.use({ viewport: { width: 1920, height: 1080 } });

/** An operator with two organisations (Germany, Italy) and a Hangzhou partner on record. */
async function recordsOf(server: TestServer) {
  const deals = matchmaking(await createAccount(server, 'operator-li', 'operator'));
  const fraunhofer = await deals.organisation('弗劳恩霍夫协会', 'Fraunhofer', 'DE');
  const iit = await deals.organisation('意大利技术研究院', 'Istituto Italiano di Tecnologia', 'IT');
  const zhilian = await deals.partner('杭州智联科技', 'Hangzhou Zhilian Tech');
  return { deals, fraunhofer, iit, zhilian };
}

const nav = (page: Page) => page.getByRole('navigation', { name: '场景 · Scenes' });

test('meetings an operator records move the wall without a reload, and a signed agreement is celebrated', async ({ page, showfloor }) => {
  const { deals, fraunhofer, iit, zhilian } = await recordsOf(showfloor);
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60 });
  await expect(scene(page, 'overview')).toBeVisible();
  // No meeting yet: the wall has nothing to show and is left out of the rotation.
  await expect(nav(page)).not.toContainText('洽谈签约');

  // Pinned, it shows even so, with zeros and a word that nothing is recorded yet.
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'matchmaking' });
  const wall = scene(page, 'matchmaking');
  await expect(wall).toBeVisible();
  await expect(wall.getByTestId('counter-meetings')).toHaveText('0');
  await expect(wall.getByText('尚无洽谈记录')).toBeVisible();
  await expect(wall.getByText('No agreements signed yet')).toBeVisible();
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const first = await deals.meeting(fraunhofer, zhilian, 'biomedicine');
  await deals.meeting(iit, zhilian, 'energy');
  await expect(wall.getByRole('group', { name: '洽谈场次 Meetings held' }).getByTestId('counter-meetings')).toHaveText('2');
  await expect(nav(page)).toContainText('洽谈签约 · Matchmaking');
  const byCountry = wall.getByRole('img', { name: /^各国家洽谈与签约 · By country/ });
  const byIndustry = wall.getByRole('img', { name: /^各产业洽谈与签约 · By industry/ });
  await expect(byCountry).toHaveAccessibleName(/德国 Germany: 洽谈 1 meetings, 签约 0 agreements/);
  await expect(byCountry).toHaveAccessibleName(/意大利 Italy: 洽谈 1 meetings, 签约 0 agreements/);
  await expect(byIndustry).toHaveAccessibleName(/生物医药 Biomedicine: 洽谈 1 meetings, 签约 0 agreements/);

  const intention = await deals.step(first, 'intention');
  await expect(wall.getByTestId('counter-intentions')).toHaveText('1');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await deals.step(intention, 'signed');
  const celebration = page.getByRole('alert', { name: '签约成功 · Agreement signed' });
  await expect(celebration).toBeVisible();
  for (const words of ['弗劳恩霍夫协会', 'Fraunhofer', '德国 · Germany', '杭州智联科技', 'Hangzhou Zhilian Tech', '生物医药 · Biomedicine']) {
    await expect(celebration.getByText(words, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('log', { name: '最新动态 Latest' })).toContainText('签约：弗劳恩霍夫协会（德国）× 杭州智联科技');
  await expect(page.getByRole('log', { name: '最新动态 Latest' })).toContainText('Agreement signed: Fraunhofer (Germany) with Hangzhou Zhilian Tech');
  // A moment, not a state: it leaves by itself.
  await expect(celebration).toBeHidden({ timeout: 15_000 });

  await expect(wall.getByTestId('counter-agreements')).toHaveText('1');
  await expect(byCountry).toHaveAccessibleName(/德国 Germany: 洽谈 1 meetings, 签约 1 agreements/);
  await expect(byIndustry).toHaveAccessibleName(/生物医药 Biomedicine: 洽谈 1 meetings, 签约 1 agreements/);
  const latest = wall.getByRole('region', { name: '最新签约 Latest agreements' });
  await expect(latest.getByRole('listitem')).toHaveCount(1);
  await expect(latest).toContainText('Fraunhofer');
  await expect(latest).toContainText('德国 Germany');
  await expect(latest).toContainText('Hangzhou Zhilian Tech');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

  const axe = await new AxeBuilder({ page }).include('[data-scene="matchmaking"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect.soft(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('agreements signed before the screen started are not celebrated; several signed at once each get their moment', async ({ page, showfloor }) => {
  const { deals, fraunhofer, iit, zhilian } = await recordsOf(showfloor);
  const bergen = await deals.organisation('卑尔根大学', 'University of Bergen', 'NO');
  await deals.step(await deals.meeting(bergen, zhilian, 'materials'), 'signed');

  const alerts = await recordAppearances(page, '[role="alert"]');
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60 });
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'matchmaking' });
  const wall = scene(page, 'matchmaking');
  await expect(wall.getByTestId('counter-agreements')).toHaveText('1');
  await expect(wall.getByRole('region', { name: '最新签约 Latest agreements' })).toContainText('University of Bergen');

  const one = await deals.meeting(fraunhofer, zhilian, 'iot');
  const two = await deals.meeting(iit, zhilian, 'equipment');
  await Promise.all([deals.step(one, 'signed'), deals.step(two, 'signed')]);

  const celebration = page.getByRole('alert', { name: '签约成功 · Agreement signed' });
  await expect(celebration.getByText('Fraunhofer', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(celebration.getByText('Istituto Italiano di Tecnologia', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(wall.getByTestId('counter-agreements')).toHaveText('3');

  const seen = await alerts();
  expect(seen.filter((text) => text.includes('University of Bergen'))).toEqual([]);
  expect(seen.filter((text) => text.includes('签约成功'))).toHaveLength(2);
  const log = page.getByRole('log', { name: '最新动态 Latest' });
  await expect(log).toContainText('Fraunhofer (Germany)');
  await expect(log).toContainText('Istituto Italiano di Tecnologia (Italy)');
  // Signed before the stage opened: not celebrated, but the ticker is built from the snapshot on
  // load, so it is listed there (a reloaded stage never shows an empty ticker while there is news).
  await expect(log).toContainText('University of Bergen');
});

/** A plausible afternoon of matchmaking, for the screenshots. */
async function busyAfternoon(server: TestServer): Promise<void> {
  const deals = matchmaking(await createAccount(server, 'operator-wang', 'operator'));
  const partners = [
    await deals.partner('杭州智联科技', 'Hangzhou Zhilian Tech'),
    await deals.partner('西湖生物医药', 'West Lake Biomedicine'),
    await deals.partner('钱塘新材料', 'Qiantang New Materials'),
    await deals.partner('滨江装备制造', 'Binjiang Equipment'),
  ];
  const organisations = [
    ['弗劳恩霍夫协会', 'Fraunhofer', 'DE'],
    ['意大利技术研究院', 'Istituto Italiano di Tecnologia', 'IT'],
    ['卑尔根大学', 'University of Bergen', 'NO'],
    ['白俄罗斯国立大学', 'Belarusian State University', 'BY'],
    ['新加坡科技研究局', 'A*STAR', 'SG'],
    ['帝国理工学院', 'Imperial College London', 'GB'],
  ] as const;
  const ids: string[] = [];
  for (const [zh, en, country] of organisations) ids.push(await deals.organisation(zh, en, country));
  const industries = ['iot', 'biomedicine', 'equipment', 'materials', 'energy'];
  for (let i = 0; i < 17; i++) {
    const meeting = await deals.meeting(ids[(i * 7) % ids.length]!, partners[i % partners.length]!, industries[(i * 3) % industries.length]!);
    if (i % 3 === 0) await deals.step(meeting, 'signed');
    else if (i % 3 === 1) await deals.step(meeting, 'intention');
  }
}

for (const { name, width, height } of [
  { name: '', width: 1920, height: 1080 },
  { name: '-4k', width: 3840, height: 2160 },
]) {
  test(`the matchmaking wall at ${width}×${height}`, async ({ page, showfloor }) => {
    await busyAfternoon(showfloor);
    await page.setViewportSize({ width, height });
    const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60, name: `Wall ${width}` });
    await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'matchmaking' });
    const wall = scene(page, 'matchmaking');
    await expect(wall.getByTestId('counter-meetings')).toHaveText('17');
    await expect(wall.getByTestId('counter-agreements')).toHaveText('6');
    await expect(scene(page, 'overview')).toHaveCount(0, { timeout: 15_000 });
    await expect(wall.getByRole('img', { name: /^各国家洽谈与签约/ })).toHaveAccessibleName(/德国 Germany/);
    // Counting up and the charts' first drawing are over.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: `${SCREENSHOTS}/stage-matchmaking${name}.png` });
  });
}
