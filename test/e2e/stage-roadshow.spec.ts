import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/test-server';
import { apiAs, createAccount, expect, expectReply, openPairedStage, recordAppearances, scene, SCREENSHOTS, sendCommandWhenOnline, STAGE_TEST_TIMEOUT, test, type Api } from './stage-helpers';

test.describe.configure({ timeout: STAGE_TEST_TIMEOUT });

test.use({ viewport: { width: 1920, height: 1080 } });

const PROJECTS = [
  { name: { 'zh-CN': '八倍膨胀显微成像', en: 'Oc-ta-ExM microscopy' }, presenter: 'Dr. Anna Keller', country: 'DE', field: { 'zh-CN': '生物医药', en: 'Biomedicine' } },
  { name: { 'zh-CN': '病理切片智能诊断', en: 'Pathology AI' }, presenter: 'Dr. Ivan Petrov', country: 'BY', field: { 'zh-CN': '智能物联', en: 'IoT' } },
  { name: { 'zh-CN': '钙钛矿叠层电池', en: 'Perovskite tandem cells' }, presenter: 'Prof. Marco Rossi', country: 'IT', field: { 'zh-CN': '绿色能源', en: 'Green energy' } },
];

/**
 * Each judge's [innovation, market] scores per project, in pitch order. The ranking comes out
 * Perovskite tandem cells (93.3), Oc-ta-ExM microscopy (83.3), Pathology AI (71.1): not the pitch order.
 */
const SCORES = [
  [
    [9, 7],
    [8, 8],
    [10, 6],
  ],
  [
    [7, 9],
    [6, 8],
    [7, 7],
  ],
  [
    [10, 9],
    [9, 9],
    [9, 10],
  ],
];

interface Show {
  operator: Api;
  judges: Api[];
  projectIds: string[];
  act(action: string): Promise<void>;
  score(judge: number, project: number): Promise<void>;
}

/** A roadshow set up by an operator: the rubric, three projects and three judges. */
async function setUpShow(server: TestServer): Promise<Show> {
  const operator = await createAccount(server, 'operator-zhao', 'operator');
  await expectReply(operator, 'PUT', '/api/v1/roadshow/rubric', {
    criteria: [
      { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 2, maxScore: 10 },
      { id: 'market', name: { 'zh-CN': '市场前景', en: 'Market' }, weight: 1, maxScore: 10 },
    ],
  });
  const projectIds: string[] = [];
  for (const project of PROJECTS) projectIds.push((await expectReply(operator, 'POST', '/api/v1/roadshow/projects', project)).id);
  const judges = [await createAccount(server, 'judge-a', 'judge'), await createAccount(server, 'judge-b', 'judge'), await createAccount(server, 'judge-c', 'judge')];
  return {
    operator,
    judges,
    projectIds,
    act: async (action) => void (await expectReply(operator, 'POST', '/api/v1/roadshow/actions', { action }, 200)),
    score: async (judge, project) => {
      const [innovation, market] = SCORES[project]![judge]!;
      for (const [criterionId, score] of [
        ['innovation', innovation],
        ['market', market],
      ] as const) {
        await expectReply(judges[judge]!, 'PUT', '/api/v1/roadshow/scores', { projectId: projectIds[project], criterionId, score }, 200);
      }
    },
  };
}

/** Everything in the page, shown or not: no score may be in it before the reveal. */
async function expectNoResultsIn(page: Page, scores: string[]): Promise<void> {
  const text = (await page.locator('body').textContent()) ?? '';
  for (const score of scores) expect(text, `the page shows the score ${score} before the reveal`).not.toContain(score);
  for (const words of ['第 1 名', '1st place', '最终排名', 'Ranking', '同分规则']) expect(text, `the page shows "${words}" before the reveal`).not.toContain(words);
}

test('shows the project pitching and the judges’ progress, never a score before the reveal, then reveals the ranking from last to first', async ({ page, showfloor }) => {
  test.setTimeout(3 * STAGE_TEST_TIMEOUT);
  const show = await setUpShow(showfloor);
  const places = await recordAppearances(page, '[data-testid="reveal-place"]');
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60 });
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'roadshow' });
  const roadshow = scene(page, 'roadshow');
  await expect(roadshow.getByTestId('up-next')).toContainText('路演即将开始 · The roadshow starts soon');
  await expect(roadshow.getByTestId('up-next')).toContainText('八倍膨胀显微成像');
  const lineup = roadshow.getByRole('complementary', { name: '路演项目 Line-up' });
  await expect(lineup.getByRole('listitem')).toHaveCount(3);

  await show.act('next-project');
  const now = roadshow.getByTestId('now-pitching');
  await expect(now).toContainText('正在路演 · Now pitching');
  await expect(now.getByRole('heading', { name: '八倍膨胀显微成像 Oc-ta-ExM microscopy' })).toBeVisible();
  await expect(now.getByTestId('roadshow-position')).toHaveText('第 1 个项目，共 3 个 · Project 1 of 3');
  await expect(now.getByRole('definition')).toHaveText(['Dr. Anna Keller', '德国 · Germany', '生物医药 · Biomedicine']);
  await expect(lineup.locator('[aria-current="true"]')).toContainText('Oc-ta-ExM microscopy');

  await show.act('open-scoring');
  await expect(now).toContainText('评委评分中 · Judges are scoring');
  await expect(now.getByText('0 / 3 judges have scored')).toBeVisible();
  await show.score(0, 0);
  await expect(now.getByText('1 / 3 judges have scored')).toBeVisible();
  await show.score(1, 0);
  await expect(now.getByText('2 / 3 位评委已完成评分')).toBeVisible();
  await expect(now.getByText('2 / 3 judges have scored')).toBeVisible();
  // The judges' bar has filled.
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: `${SCREENSHOTS}/stage-roadshow.png` });

  // The results as the operator's console sees them (the public state never holds them before the reveal).
  const staff = await apiAs(showfloor);
  const scoresShown = async () =>
    ((await expectReply(staff, 'GET', '/api/v1/roadshow', undefined, 200)).results as { score: number }[]).map((r) => r.score.toFixed(1));
  await expectNoResultsIn(page, await scoresShown());

  await show.score(2, 0);
  await show.act('close-scoring');
  const upNext = roadshow.getByTestId('up-next');
  await expect(upNext).toContainText('下一个项目 · Up next');
  await expect(upNext).toContainText('Pathology AI');
  await expect(upNext.getByTestId('roadshow-position')).toHaveText('第 2 个项目，共 3 个 · Project 2 of 3');
  await expectNoResultsIn(page, await scoresShown());

  for (const project of [1, 2]) {
    await show.act('next-project');
    await expect(now.getByTestId('roadshow-position')).toHaveText(`第 ${project + 1} 个项目，共 3 个 · Project ${project + 1} of 3`);
    await show.act('open-scoring');
    for (const judge of [0, 1, 2]) await show.score(judge, project);
    await expect(now.getByText('3 / 3 judges have scored')).toBeVisible();
    await show.act('close-scoring');
  }
  await expect(roadshow.getByText('Every project is scored; the results are coming')).toBeVisible();
  const scores = await scoresShown();
  expect(scores).toHaveLength(3);
  await expectNoResultsIn(page, scores);

  await show.act('reveal');
  const reveal = scene(page, 'roadshow-reveal');
  await expect(reveal).toBeVisible();
  const place = reveal.getByTestId('reveal-place');
  await expect(place).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SCREENSHOTS}/stage-roadshow-reveal-place.png` });
  const ranking = reveal.getByTestId('reveal-ranking');
  await expect(ranking).toBeVisible({ timeout: 60_000 });
  // The places came one by one, from the last to the first.
  const seen = await places();
  expect(seen).toHaveLength(3);
  expect(seen[0]).toContain('第 3 名');
  expect(seen[0]).toContain('Pathology AI');
  expect(seen[1]).toContain('第 2 名');
  expect(seen[1]).toContain('Oc-ta-ExM microscopy');
  expect(seen[2]).toContain('第 1 名');
  expect(seen[2]).toContain('1st place');
  expect(seen[2]).toContain('Perovskite tandem cells');
  // Then the whole ranking, best first, with the scores and the tie-break rule as the server states it.
  const rows = ranking.getByRole('list', { name: '最终排名 · Ranking' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Perovskite tandem cells');
  await expect(rows.nth(0)).toContainText(scores[0]!);
  await expect(rows.nth(1)).toContainText('Oc-ta-ExM microscopy');
  await expect(rows.nth(2)).toContainText('Pathology AI');
  await expect(ranking).toContainText('Equal scores are separated by the score on the highest-weighted criterion, then by the earlier pitch');
  await expect(ranking).toContainText('总分相同时，比较权重最高的评分项得分，再相同则按路演顺序靠前者优先');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SCREENSHOTS}/stage-roadshow-reveal.png` });

  // Once played, the (pinned) roadshow scene keeps the ranking on show.
  await expect(reveal).toHaveCount(0, { timeout: 60_000 });
  const kept = roadshow.getByRole('list', { name: '最终排名 · Ranking' });
  await expect(kept.getByRole('listitem').first()).toContainText('Perovskite tandem cells');
  await expect(roadshow).toContainText('Equal scores are separated by the score on the highest-weighted criterion');

  const axe = await new AxeBuilder({ page }).include('[data-scene="roadshow"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect.soft(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Hidden again by the operator: the ranking leaves every screen.
  await show.act('hide-results');
  await expect(kept).toHaveCount(0);
  await expectNoResultsIn(page, scores);
});

test('a roadshow without projects is left out of the rotation', async ({ page, showfloor }) => {
  await openPairedStage(page, showfloor, { sceneSeconds: 5 });
  const nav = page.getByRole('navigation', { name: '场景 · Scenes' });
  await expect(scene(page, 'overview')).toBeVisible();
  await expect(nav).not.toContainText('项目路演');

  const operator = await apiAs(showfloor);
  await expectReply(operator, 'POST', '/api/v1/roadshow/projects', PROJECTS[0]);
  await expect(nav).toContainText('项目路演 · Roadshow');
  // Its turn comes in the rotation (overview, visitors, roadshow).
  await expect(scene(page, 'roadshow').getByTestId('up-next')).toContainText('Oc-ta-ExM microscopy', { timeout: 20_000 });
});

test('the roadshow scene at 3840×2160', async ({ page, showfloor }) => {
  const show = await setUpShow(showfloor);
  await show.act('next-project');
  await show.act('open-scoring');
  await show.score(0, 0);
  await page.setViewportSize({ width: 3840, height: 2160 });
  const stage = await openPairedStage(page, showfloor, { sceneSeconds: 60, name: 'Roadshow 4K' });
  await sendCommandWhenOnline(showfloor, stage.id, { type: 'pin-scene', scene: 'roadshow' });
  await expect(scene(page, 'roadshow').getByText('1 / 3 judges have scored')).toBeVisible();
  await expect(scene(page, 'overview')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: `${SCREENSHOTS}/stage-roadshow-4k.png` });
});
