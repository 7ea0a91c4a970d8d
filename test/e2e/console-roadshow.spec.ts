import type { Browser, Page, WebSocketRoute } from '@playwright/test';
import { api, createUser, expect, expectConnected, shot, signInToConsole, snapshot, test, watchErrors, type ToleratedError } from './console-helpers';

// Five browsers and a server, on machines often busy with other suites.
test.describe.configure({ timeout: 420_000 });

test.use({ viewport: { width: 1280, height: 900 } });

const PASSWORD = 'a-long-judge-password';

/** A judge's phone: its own browser (no shared cookies), phone-sized, signed in to the console. */
async function openJudge(browser: Browser, baseURL: string, username: string, toleratedErrors: ToleratedError[], errors: string[], sockets?: (ws: WebSocketRoute) => void): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (sockets) await context.routeWebSocket(/\/socket\.io\//, sockets);
  const page = await context.newPage();
  watchErrors(page, errors, toleratedErrors);
  await signInToConsole(page, username, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadshow scoring');
  return page;
}

/** Taps one score on a judge's page and waits until it shows as chosen. */
async function tap(judge: Page, criterion: string, score: number): Promise<void> {
  const radio = judge.getByRole('form', { name: 'My scores' }).getByRole('group', { name: new RegExp(`^${criterion}`) }).getByRole('radio', { name: String(score), exact: true });
  await radio.check();
  await expect(radio).toBeChecked();
}

// Expected results (weights 2:1, out of 10): the mean of the two judges' weighted scores.
const SCORES = {
  first: { a: { Innovation: 9, Market: 7 }, b: { Innovation: 8, Market: 8 }, result: '81.7' }, // (83.33 + 80) / 2
  second: { a: { Innovation: 10, Market: 10 }, b: { Innovation: 9, Market: 9 }, result: '95.0' }, // (100 + 90) / 2
  third: { a: { Innovation: 5, Market: 5 }, b: { Innovation: 6, Market: 4 }, result: '51.7' }, // (50 + 53.33) / 2
} as const;
const ALL_RESULTS = /81[.,]7|95[.,]0|51[.,]7/;

test('a roadshow of three projects scored by two judges on their phones: progress live in the console, no score public until the reveal', async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  await createUser(showfloor.url, 'judge-a', 'judge', PASSWORD);
  await createUser(showfloor.url, 'judge-b', 'judge', PASSWORD);
  const addProject = (en: string, zh: string, presenter: string, country: string) =>
    api(showfloor.url, 'POST', '/api/v1/roadshow/projects', { name: { 'zh-CN': zh, en }, presenter, country, field: { 'zh-CN': '生物医药', en: 'Biomedicine' } });
  await addProject('Expansion Microscopy', '膨胀显微成像', 'Kiryl Piatkevich', 'BY');
  await addProject('Smart Pathology', '智能病理平台', 'Anna Schmidt', 'DE');

  // The operator: rubric and the third project through the console.
  await signInToConsole(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Roadshow' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roadshow');
  const control = page.getByRole('region', { name: 'Show control' });
  const phase = control.getByTestId('roadshow-phase');
  await expect(phase).toHaveText('Now: Not started');
  const button = (name: string) => control.getByRole('button', { name, exact: true });
  // No rubric yet: the first project cannot go on stage, and the console says why.
  await expect(button('Next project')).toBeDisabled();
  await expect(button('Next project')).toHaveAccessibleDescription('Set the scoring rubric first');
  for (const name of ['Open scoring', 'Close scoring', 'Reveal results', 'Hide results']) await expect(button(name)).toBeDisabled();

  const rubric = page.getByRole('form', { name: 'Rubric' });
  await rubric.getByLabel('Criterion 1 (Chinese)').fill('创新性');
  await rubric.getByLabel('Criterion 1 (English)').fill('Innovation');
  await rubric.getByLabel('Weight').fill('2');
  await rubric.getByRole('button', { name: 'Add criterion' }).click();
  await rubric.getByLabel('Criterion 2 (Chinese)').fill('市场前景');
  await rubric.getByLabel('Criterion 2 (English)').fill('Market');
  await expect(rubric.getByText('66.7% of the total')).toBeVisible();
  await rubric.getByRole('button', { name: 'Save rubric' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rubric saved' })).toBeVisible();
  expect((await api(showfloor.url, 'GET', '/api/v1/roadshow')).body.criteria.map((c: { id: string; weight: number }) => [c.id, c.weight])).toEqual([
    ['innovation', 2],
    ['market', 1],
  ]);

  const projectForm = page.getByRole('form', { name: 'Add a project' });
  const fillProject = async (en: string, zh: string) => {
    await projectForm.getByLabel('Project name (Chinese)').fill(zh);
    await projectForm.getByLabel('Project name (English)').fill(en);
    await projectForm.getByLabel('Field (Chinese)').fill('新材料');
    await projectForm.getByLabel('Field (English)').fill('New materials');
    await projectForm.getByLabel('Presenter').fill('Dr. Rossi');
    await projectForm.getByLabel('Country code').fill('it');
    await projectForm.getByRole('button', { name: 'Add project' }).click();
  };
  await fillProject('Graphene Membranes', '石墨烯膜');
  await fillProject('Spare Project', '备用项目');
  const projects = page.getByRole('table', { name: /^Projects/ });
  await expect(projects.getByRole('row')).toHaveCount(5);
  // A project that has not pitched can go again.
  await projects.getByRole('button', { name: 'Remove Spare Project' }).click();
  await page.getByRole('dialog', { name: 'Remove the project?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(projects.getByRole('row')).toHaveCount(4);
  await expect(projects.getByRole('row').nth(3)).toContainText('Graphene Membranes');

  // The public side: a phone on the roadshow page and a stage screen, open the whole time.
  const screenErrors = pageErrors;
  const phoneContext = await browser.newContext({ baseURL: showfloor.url, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const phone = await phoneContext.newPage();
  watchErrors(phone, screenErrors, toleratedErrors);
  await phone.goto('/m/roadshow');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('项目路演');
  const stageContext = await browser.newContext({ baseURL: showfloor.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const stage = await stageContext.newPage();
  watchErrors(stage, screenErrors, toleratedErrors);
  await stage.goto('/stage/');
  await expect(stage.getByRole('status').first()).toBeVisible();

  // The two judges, each on their own phone.
  const judgeA = await openJudge(browser, showfloor.url, 'judge-a', toleratedErrors, pageErrors);
  const judgeB = await openJudge(browser, showfloor.url, 'judge-b', toleratedErrors, pageErrors);
  await expect(judgeA.getByTestId('judge-phase')).toContainText('Not started');

  const progress = control.getByTestId('roadshow-progress');
  const judgeRow = (name: string) => control.getByRole('region', { name: /Judges’ progress/ }).getByRole('listitem').filter({ hasText: name });

  const turns = [
    { en: 'Expansion Microscopy', scores: SCORES.first },
    { en: 'Smart Pathology', scores: SCORES.second },
    { en: 'Graphene Membranes', scores: SCORES.third },
  ];
  for (const [index, turn] of turns.entries()) {
    await button('Next project').click();
    await expect(phase).toHaveText('Now: Pitching');
    await expect(control.getByTestId('roadshow-current')).toHaveText(turn.en);
    await expect(button('Open scoring')).toBeEnabled();
    await expect(button('Next project')).toBeDisabled();
    // The judges' phones follow without a reload; scoring waits for the operator.
    for (const judge of [judgeA, judgeB]) {
      await expect(judge.getByTestId('judge-project')).toHaveText(turn.en);
      await expect(judge.getByTestId('judge-phase')).toContainText('Pitching');
      await expect(judge.getByRole('form', { name: 'My scores' }).getByRole('radio', { name: '5', exact: true }).first()).toBeDisabled();
    }

    await button('Open scoring').click();
    await expect(phase).toHaveText('Now: Scoring open');
    await expect(progress).toHaveText('0 / 2');
    await expect(judgeA.getByTestId('judge-phase')).toContainText('Scoring open');

    if (index === 0) {
      // A judge may change a score until the scoring closes.
      await tap(judgeA, 'Market', 6);
    }
    await tap(judgeA, 'Innovation', turn.scores.a.Innovation);
    await tap(judgeA, 'Market', turn.scores.a.Market);
    await expect(judgeA.getByTestId('judge-count')).toHaveText('All scored');
    await expect(progress).toHaveText('1 / 2');
    await expect(judgeRow('judge-a')).toContainText('Scored');
    await expect(judgeRow('judge-b')).toContainText('Not yet');
    // Judge B sees none of judge A's choices.
    await expect(judgeB.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(judgeB.getByTestId('judge-count')).toHaveText('0 of 2 scored');

    await tap(judgeB, 'Innovation', turn.scores.b.Innovation);
    await tap(judgeB, 'Market', turn.scores.b.Market);
    await expect(progress).toHaveText('2 / 2');
    await expect(judgeRow('judge-b')).toContainText('Scored');
    if (index === 0) {
      await shot(page, 'roadshow');
      await judgeA.screenshot({ path: 'test-results/console-roadshow-judge.png' });
    }

    await button('Close scoring').click();
    await expect(phase).toHaveText('Now: Scoring closed');
    for (const judge of [judgeA, judgeB]) {
      await expect(judge.getByTestId('judge-phase')).toContainText('Scoring closed');
      await expect(judge.getByRole('radio', { name: String(turn.scores.a.Innovation), exact: true }).first()).toBeDisabled();
    }
    await expect(judgeA.getByRole('group', { name: /^Market/ }).getByRole('radio', { checked: true })).toHaveAccessibleName(String(turn.scores.a.Market));
  }
  await expect(button('Next project')).toBeDisabled();
  await expect(button('Next project')).toHaveAccessibleDescription('Every project has pitched');

  // The operators see the ranking; nothing public shows a score yet.
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toContainText('Staff only, not revealed');
  await expect(results.getByRole('row').nth(1)).toContainText(`Smart Pathology${SCORES.second.result}`);
  const before = await snapshot(showfloor.url);
  expect(before.roadshow.results).toBeNull();
  expect(before.roadshow.revealed).toBe(false);
  expect(JSON.stringify(before.roadshow)).not.toMatch(/"score"|"innovation"|"market"/);
  await expect(phone.getByRole('region', { name: '路演顺序' }).getByRole('listitem')).toHaveText([/已完成/, /已完成/, /已完成/]);
  await expect(phone.getByTestId('roadshow-results')).toHaveCount(0);
  expect(await phone.locator('body').innerText()).not.toMatch(ALL_RESULTS);
  expect(await stage.locator('body').innerText()).not.toMatch(ALL_RESULTS);
  await expect(button('Reveal results')).toBeEnabled();

  // The reveal asks once more, then reaches the phone live.
  await button('Reveal results').click();
  await page.getByRole('dialog', { name: 'Reveal the results?' }).getByRole('button', { name: 'Reveal results' }).click();
  await expect(phase).toHaveText('Now: Results revealed');
  await expect(results).toContainText('Shown on the public screens');
  const ranked = phone.getByRole('region', { name: '评审结果' }).getByRole('listitem');
  await expect(ranked).toHaveCount(3);
  await expect(ranked.nth(0)).toContainText('智能病理平台');
  await expect(ranked.nth(0)).toContainText(SCORES.second.result);
  await expect(ranked.nth(1)).toContainText('膨胀显微成像');
  await expect(ranked.nth(1)).toContainText(SCORES.first.result);
  await expect(ranked.nth(2)).toContainText('石墨烯膜');
  await expect(ranked.nth(2)).toContainText(SCORES.third.result);
  expect((await snapshot(showfloor.url)).roadshow.results?.map((r) => r.rank)).toEqual([1, 2, 3]);
  await expect(button('Hide results')).toBeEnabled();
  await expect(button('Reveal results')).toBeDisabled();

  await Promise.all([phoneContext.close(), stageContext.close(), judgeA.context().close(), judgeB.context().close()]);
});

test('a judge’s score that reaches the server after the scoring closed is refused and taken back', async ({ browser, showfloor, toleratedErrors, pageErrors }) => {
  toleratedErrors.push({ status: 409, path: /^\/api\/v1\/roadshow\/scores$/ });
  await createUser(showfloor.url, 'judge-a', 'judge', PASSWORD);
  await api(showfloor.url, 'PUT', '/api/v1/roadshow/rubric', { criteria: [{ id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 1, maxScore: 10 }] });
  await api(showfloor.url, 'POST', '/api/v1/roadshow/projects', { name: { 'zh-CN': '项目', en: 'Project One' }, presenter: 'X', country: 'DE', field: { 'zh-CN': '领域', en: 'Field' } });
  await api(showfloor.url, 'POST', '/api/v1/roadshow/actions', { action: 'next-project' });
  await api(showfloor.url, 'POST', '/api/v1/roadshow/actions', { action: 'open-scoring' });

  // The judge's phone stops hearing the server (a weak signal in the hall) just before the
  // operator closes the scoring, so it still shows scoring open when the judge taps.
  let deaf = false;
  const judge = await openJudge(browser, showfloor.url, 'judge-a', toleratedErrors, pageErrors, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (!deaf) ws.send(message);
    });
  });
  await expect(judge.getByTestId('judge-phase')).toContainText('Scoring open');
  deaf = true;
  await api(showfloor.url, 'POST', '/api/v1/roadshow/actions', { action: 'close-scoring' });
  const radio = judge.getByRole('radio', { name: '7', exact: true });
  await radio.click();
  await expect(judge.getByRole('alert')).toContainText('Score not saved: The scoring of this project has closed.');
  // The refusal reloads the judge's view: the tap is taken back and the phase is the real one.
  await expect(radio).not.toBeChecked();
  await expect(judge.getByTestId('judge-phase')).toContainText('Scoring closed');
  await expect(radio).toBeDisabled();
  expect((await api(showfloor.url, 'GET', '/api/v1/roadshow')).body.results[0].judges).toBe(0);
  await judge.context().close();
});
