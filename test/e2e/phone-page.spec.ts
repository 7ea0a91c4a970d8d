import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { createDevice, postEvents, signIn, startTestServer, visitEvent } from '../support/test-server';
import { WEB_DIR, expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
// Each test starts its own server; on a busy machine a few page loads take longer than the default.
test.describe.configure({ timeout: 90_000 });

/** Marks the document; the mark survives only if the page is never reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
}
async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => 'sameDocument' in window);
}

/** Links and buttons smaller than 44 × 44 px, except links inside the running text of an item body. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button')]
      .filter((element) => !element.closest('.body'))
      .map((element) => ({ name: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ name, box }) => `${name} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
}

test('home in Chinese, then English; into a section and an item and back, without a reload', async ({ page }) => {
  await page.goto('/m/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const figures = page.getByRole('region', { name: '实时数据' });
  for (const [label, testid] of [
    ['今日观众', 'counter-visitors-today'],
    ['累计观众', 'counter-visitors-total'],
    ['签约项目', 'counter-agreements'],
    ['洽谈场次', 'counter-meetings'],
  ] as const) {
    await expect(figures.getByRole('group', { name: label }).getByTestId(testid)).toHaveText('0');
  }
  const sections = page.getByRole('region', { name: '展区' });
  await expect(sections.getByRole('link', { name: /^alpha板块/ })).toContainText('2 个展项');
  await expect(sections.getByRole('link', { name: /^beta板块/ })).toContainText('1 个展项');
  await expect(page.getByRole('region', { name: '展会概况' })).toContainText('1,641');
  expect(await smallTargets(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/phone-home-zh.png', fullPage: true });

  // The switch names each language in itself; the choice applies to every label at once.
  const language = page.getByRole('group', { name: '语言 · Language' });
  await expect(language.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await language.getByRole('button', { name: 'English' }).click();
  await expect(language.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Exhibition');
  await expect(page.getByRole('group', { name: 'Visitors today' }).getByTestId('counter-visitors-today')).toHaveText('0');
  await expect(page.getByRole('region', { name: 'Sections' }).getByRole('link', { name: /^Section alpha/ })).toContainText('2 exhibits');
  await expect(page.getByText('今日观众')).toHaveCount(0);

  // Into a section and an item without a reload.
  await markDocument(page);
  await page.getByRole('link', { name: /^Section alpha/ }).click();
  await expect(page).toHaveURL(/\/m\/section\/alpha$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Section alpha');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('link', { name: /^alpha item 2/ })).toBeVisible();
  await page.getByRole('link', { name: /^alpha item 1/ }).click();
  await expect(page).toHaveURL(/\/m\/item\/alpha-item-1$/);
  const item = page.getByRole('article', { name: 'alpha item 1' });
  await expect(item.getByRole('heading', { level: 1 })).toHaveText('alpha item 1');
  await expect(item.getByText('Item summary')).toBeVisible();
  await expect(item.getByText('Body text')).toBeVisible();
  const facts = item.getByRole('region', { name: 'Key facts' });
  await expect(facts.getByRole('term')).toHaveText('Number');
  await expect(facts.getByRole('definition')).toHaveText('1');
  await expect(item.getByRole('region', { name: 'Tags' }).getByRole('listitem')).toHaveText('Tag');
  await expect(item.getByRole('navigation', { name: 'More in this section' }).getByRole('link', { name: /Next/ })).toContainText('alpha item 2');
  await expect(page).toHaveTitle('alpha item 1 · Test Exhibition');
  expect(await stillSameDocument(page)).toBe(true);
  expect(await smallTargets(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/phone-item-en.png', fullPage: true });

  // Back goes where the visitor came from; the browser's back button too.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/\/m\/section\/alpha$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/m\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Exhibition');
  expect(await stillSameDocument(page)).toBe(true);
});

test('the kiosk QR link works on a fresh load, in the language the phone remembered', async ({ page }) => {
  await page.goto('/m/');
  await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Exhibition');

  await page.goto('/m/item/alpha-item-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha item 1');
  await expect(page.getByText('Body text')).toBeVisible();
  await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
  await expect(page.getByText('正文', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: 'alpha板块' })).toHaveAttribute('href', '/m/section/alpha');
  // "Back" from a deep link goes up to its section.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/\/m\/section\/alpha$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');
});

test('an unpublished or unknown item, or an unknown section, is "not found", with a way home', async ({ page }) => {
  for (const path of ['/m/item/beta-item-2', '/m/item/no-such-item']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('未找到该页面');
    await expect(page.getByText('这个展项不存在或已下线。')).toBeVisible();
    await expect(page.getByText('beta展项2')).toHaveCount(0);
  }
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/m\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展');

  await page.goto('/m/section/gamma');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('未找到该页面');
});

test('posted visits move the visitors counter without a reload', async ({ page, showfloor }) => {
  await page.goto('/m/');
  const today = page.getByRole('group', { name: '今日观众' }).getByTestId('counter-visitors-today');
  await expect(today).toHaveText('0');
  await markDocument(page);

  const sensor = await createDevice(showfloor.url);
  const posted = await postEvents(showfloor.url, sensor.token, { events: [visitEvent(), visitEvent({ section: 'beta' }), visitEvent()] });
  expect(posted.status).toBe(200);

  await expect(today).toHaveText('3');
  await expect(page.getByRole('group', { name: '累计观众' }).getByTestId('counter-visitors-total')).toHaveText('3');
  expect(await stillSameDocument(page)).toBe(true);
});

test('an operator edit reaches an open item page live: a new title, a picture with alt text, a safe body', async ({ page, showfloor }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/m/item/alpha-item-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
  await markDocument(page);

  const admin = await signIn(showfloor.url);
  const form = new FormData();
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1f4e79' } }).png().toBuffer();
  form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'lab.png');
  const uploaded = await fetch(`${showfloor.url}/api/v1/images`, { method: 'POST', headers: { cookie: admin }, body: form });
  expect(uploaded.status).toBe(201);
  const { src } = (await uploaded.json()) as { src: string };

  const content = (await (await fetch(`${showfloor.url}/api/v1/content`, { headers: { cookie: admin } })).json()) as { items: Array<Record<string, any>> };
  const { version, updatedAt: _updatedAt, ...item } = content.items.find((i) => i.id === 'alpha-item-1')!;
  const saved = await fetch(`${showfloor.url}/api/v1/items/alpha-item-1`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: admin },
    body: JSON.stringify({
      baseVersion: version,
      item: {
        ...item,
        title: { 'zh-CN': '病理实验室', en: 'The pathology lab' },
        body: {
          'zh-CN': '<p>新的<strong>正文</strong></p><p><a href="https://example.org/lab">实验室网站</a></p><img src=x onerror="alert(1)"><script>alert(2)</script><p><a href="javascript:alert(3)">坏链接</a></p>',
          en: '<p>New <strong>body</strong></p>',
        },
        images: [{ src, alt: { 'zh-CN': '实验室里的显微镜', en: 'A microscope in the lab' } }],
      },
    }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('病理实验室');
  const picture = page.getByRole('img', { name: '实验室里的显微镜' });
  await expect(picture).toHaveAttribute('src', `/media/${src}`);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('main strong')).toHaveText('正文');
  await expect(page.getByRole('link', { name: '实验室网站' })).toHaveAttribute('href', 'https://example.org/lab');
  // The hostile parts are gone or inert: no script ran (a dialog would have been recorded), the bad link is only text.
  await expect(page.getByText('坏链接')).toBeVisible();
  await expect(page.getByRole('link', { name: '坏链接' })).toHaveCount(0);
  await expect(page.locator('main script, main [onerror]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('img', { name: 'A microscope in the lab' })).toBeVisible();
  expect(await stillSameDocument(page)).toBe(true);
});

test('offline keeps the last data and says so, then comes back by itself', async ({ page, showfloor }) => {
  await page.goto('/m/item/alpha-item-1');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  await expect(page.getByText('正文', { exact: true })).toBeVisible();
  // The phone loses its network: the open connection drops and reconnecting fails until it is back.
  await page.context().setOffline(true);
  for (const socket of showfloor.server.io.of('/live').sockets.values()) socket.conn.close();
  await expect(page.getByRole('status')).toHaveText('离线 · Offline');
  await expect(page.getByText('显示的是最后收到的数据')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
  await expect(page.getByText('正文', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/phone-offline.png' });

  await page.context().setOffline(false);
  await expect(page.getByRole('status')).toHaveText('在线 · Online', { timeout: 20_000 });
  await expect(page.getByText('显示的是最后收到的数据')).toHaveCount(0);
});

test('the roadshow: statuses and no score before the reveal, ranked results live after it', async ({ page, showfloor }) => {
  const admin = await signIn(showfloor.url);
  const call = async (cookie: string, method: string, path: string, body: unknown) => {
    const response = await fetch(`${showfloor.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
    return (await response.json()) as Record<string, any>;
  };
  const act = (action: string) => call(admin, 'POST', '/api/v1/roadshow/actions', { action });

  await call(admin, 'PUT', '/api/v1/roadshow/rubric', { criteria: [{ id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 1, maxScore: 10 }] });
  const first = await call(admin, 'POST', '/api/v1/roadshow/projects', {
    name: { 'zh-CN': '智能病理平台', en: 'Smart Pathology Platform' },
    presenter: 'Anna Schmidt',
    country: 'DE',
    field: { 'zh-CN': '生物医药', en: 'Biomedicine' },
  });
  const second = await call(admin, 'POST', '/api/v1/roadshow/projects', {
    name: { 'zh-CN': '膨胀显微成像', en: 'Expansion Microscopy' },
    presenter: 'Kiryl Piatkevich',
    country: 'BY',
    field: { 'zh-CN': '生命科学', en: 'Life sciences' },
  });
  await call(admin, 'POST', '/api/v1/users', { username: 'judge-one', role: 'judge', password: 'judge-password-123' });
  const judge = await signIn(showfloor.url, 'judge-one', 'judge-password-123');

  await page.goto('/m/roadshow');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('项目路演');
  const lineup = page.getByRole('region', { name: '路演顺序' }).getByRole('listitem');
  await expect(lineup).toHaveCount(2);
  await expect(lineup.nth(0)).toContainText('智能病理平台');
  await expect(lineup.nth(0)).toContainText('待路演');
  await expect(lineup.nth(0)).toContainText('德国');
  await expect(lineup.nth(1)).toContainText('膨胀显微成像');
  await markDocument(page);

  // The first project pitches and is scored 6/10 (60.0); the second 9/10 (90.0), so it wins.
  await act('next-project');
  await expect(lineup.nth(0)).toContainText('路演中');
  await expect(page.getByText('正在台上')).toBeVisible();
  await act('open-scoring');
  await expect(lineup.nth(0)).toContainText('评分中');
  await call(judge, 'PUT', '/api/v1/roadshow/scores', { projectId: first.id, criterionId: 'innovation', score: 6 });
  await expect(page.getByText('1 / 1 位评委已完成评分')).toBeVisible();
  await act('close-scoring');
  await expect(lineup.nth(0)).toContainText('已完成');
  await act('next-project');
  await act('open-scoring');
  await call(judge, 'PUT', '/api/v1/roadshow/scores', { projectId: second.id, criterionId: 'innovation', score: 9 });
  await act('close-scoring');
  await expect(lineup.nth(1)).toContainText('已完成');
  await expect(lineup.nth(0)).toContainText('已完成');

  // Before the reveal: statuses, and no score anywhere on the page, in either language.
  const results = page.getByRole('region', { name: '评审结果' });
  await expect(results).toHaveCount(0);
  await expect(page.getByText('评审结果将在现场揭晓。')).toBeVisible();
  for (const locale of ['English', '中文']) {
    await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: locale }).click();
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(60|90)(\.0)?\b/);
    expect(text).not.toMatch(/第 \d+ 名|\b\d+(st|nd|rd|th)\b/);
  }
  await expect(page.getByTestId('roadshow-results')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/phone-roadshow-before-reveal.png', fullPage: true });

  // The reveal reaches the page live, ranked best first.
  await act('reveal');
  await expect(results).toBeVisible();
  const rows = results.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('第 1 名');
  await expect(rows.nth(0)).toContainText('膨胀显微成像');
  await expect(rows.nth(0)).toContainText('90.0');
  await expect(rows.nth(1)).toContainText('第 2 名');
  await expect(rows.nth(1)).toContainText('智能病理平台');
  await expect(rows.nth(1)).toContainText('60.0');
  expect(await stillSameDocument(page)).toBe(true);
  expect(await smallTargets(page)).toEqual([]);
  // Let the rows' entrance finish before the picture.
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'test-results/phone-roadshow-revealed.png', fullPage: true });

  // Home shows where the show is, and leads back to it.
  await page.getByRole('banner').getByRole('link', { name: /^测试展/ }).click();
  const card = page.getByRole('region', { name: '项目路演' }).getByRole('link');
  await expect(card).toContainText('全部项目路演完毕，结果已揭晓');
  await card.click();
  await expect(page).toHaveURL(/\/m\/roadshow$/);
  expect(await stillSameDocument(page)).toBe(true);
});

test('a rehearsal server is marked as such; a real one is not', async ({ page, showfloor }) => {
  await page.goto('/m/');
  await expect(page.getByRole('status')).toHaveText('在线 · Online');
  await expect(page.getByRole('note')).toHaveCount(0);

  const rehearsal = await startTestServer({ WEB_DIR, SHOWFLOOR_REHEARSAL: 'true' });
  try {
    await page.goto(`${rehearsal.url}/m/section/alpha`);
    await expect(page.getByRole('status')).toHaveText('在线 · Online');
    await expect(page.getByRole('note')).toHaveText('演练数据 · Rehearsal data');
    await page.screenshot({ path: 'test-results/phone-rehearsal.png' });
    // The mark concerns the data, not the reading: it stays bilingual in English too.
    await page.getByRole('group', { name: '语言 · Language' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('note')).toHaveText('演练数据 · Rehearsal data');
  } finally {
    await rehearsal.stop();
  }
  void showfloor;
});
