import { readContentFolder } from '../../server/content/content.files';
import { MAX_RICH_TEXT_DEPTH } from '../../shared/rich-text.rules';
import { FIXTURE_CONTENT, signIn, startTestServer } from '../support/test-server';
import { WEB_DIR, expect, test } from './fixtures';
import { touchToStart, VIEWPORTS } from './kiosk-helpers';

test.describe.configure({ timeout: 90_000 });

const nested = (depth: number, text: string) => `${'<b>'.repeat(depth)}${text}${'</b>'.repeat(depth)}`;

/** A server whose database already holds a 2,000-deep body (seeded: the server now refuses such a body). */
async function serverWithDeepBody() {
  const fixture = readContentFolder(FIXTURE_CONTENT);
  const deep = nested(2000, 'Old deep body');
  return startTestServer({ WEB_DIR }, {
    seedContent: () => ({ ...fixture, items: fixture.items.map((i) => (i.id === 'alpha-item-1' ? { ...i, body: { 'zh-CN': deep, en: deep } } : i)) }),
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a body nested exactly to the limit renders on the phone item page', async ({ page, showfloor }) => {
    const admin = await signIn(showfloor.url);
    const content = (await (await fetch(`${showfloor.url}/api/v1/content`, { headers: { cookie: admin } })).json()) as { items: Array<Record<string, any>> };
    const { version, updatedAt: _u, ...item } = content.items.find((i) => i.id === 'alpha-item-1')!;
    const body = { 'zh-CN': nested(MAX_RICH_TEXT_DEPTH, '深层文字'), en: nested(MAX_RICH_TEXT_DEPTH, 'Deep words') };
    const saved = await fetch(`${showfloor.url}/api/v1/items/alpha-item-1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ item: { ...item, body }, baseVersion: version }),
    });
    expect(saved.status).toBe(200);

    await page.goto('/m/item/alpha-item-1');
    const article = page.getByRole('article', { name: 'alpha展项1' });
    await expect(article.getByText('深层文字')).toBeVisible();
    // Every level is kept at the limit: the text sits inside MAX_RICH_TEXT_DEPTH <b> elements.
    expect(await article.locator('.body').evaluate((el) => el.querySelectorAll('b').length)).toBe(MAX_RICH_TEXT_DEPTH);
  });

  test('a 2,000-deep body stored before the limit existed still renders, flattened, on the phone item page', async ({ page }) => {
    const server = await serverWithDeepBody();
    try {
      await page.goto(`${server.url}/m/item/alpha-item-1`);
      const article = page.getByRole('article', { name: 'alpha展项1' });
      await expect(article.getByText('Old deep body')).toBeVisible();
      expect(await article.locator('.body').evaluate((el) => el.querySelectorAll('b').length)).toBeLessThanOrEqual(MAX_RICH_TEXT_DEPTH);
    } finally {
      await server.stop();
    }
  });
});

test.describe('on a kiosk', () => {
  test.use({ viewport: VIEWPORTS.portrait });

  test('a 2,000-deep body stored before the limit existed renders as plain text on the kiosk item page', async ({ page }) => {
    const server = await serverWithDeepBody();
    try {
      await page.goto(`${server.url}/kiosk/`);
      await touchToStart(page);
      await page.getByRole('button', { name: 'alpha板块' }).click();
      await page.getByRole('button', { name: 'alpha展项1' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
      await expect(page.getByText('Old deep body')).toBeVisible();
      expect(await page.locator('.rich-text b').count()).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
