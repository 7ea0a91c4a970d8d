import { expect, shot, snapshot, swipeLeft, test, touchToStart, VIEWPORTS, type Orientation } from './kiosk-helpers';

for (const orientation of Object.keys(VIEWPORTS) as Orientation[]) {
  test.describe(`a visit on a ${orientation} kiosk`, () => {
    test.use({ viewport: VIEWPORTS[orientation] });

    test('attract mode → touch → section → item with its QR code → swipe → back → home', async ({ page, showfloor }) => {
      await page.goto('/kiosk/');

      // Attract mode: both languages, the live figures, the highlight loop, the invitation.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展 Test Exhibition');
      await expect(page.getByRole('status')).toHaveText('在线 · Online');
      await expect(page.getByTestId('highlight')).toContainText('alpha展项1');
      await expect(page.getByRole('group', { name: '今日观众 Visitors today' }).getByTestId('counter-visitors-today')).toHaveText('0');
      await shot(page, `${orientation}-attract`);

      await touchToStart(page);
      // Home: the sections as large tiles, Home and Back always there.
      const home = page.getByRole('button', { name: '首页' });
      const back = page.getByRole('button', { name: '返回' });
      await expect(home).toBeVisible();
      await expect(back).toHaveAttribute('aria-disabled', 'true');
      await expect(page.getByRole('button', { name: 'alpha板块' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'beta板块' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
      await shot(page, `${orientation}-home`);

      await page.getByRole('button', { name: 'alpha板块' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');
      await expect(page.getByText('2 个展项')).toBeVisible();
      await shot(page, `${orientation}-section`);

      await page.getByRole('button', { name: 'alpha展项1' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');
      await expect(page.getByText('正文')).toBeVisible();
      await expect(page.getByRole('region', { name: '关键数据' })).toContainText('数字');
      await expect(page.getByRole('list', { name: '标签' })).toHaveText('标签');
      await expect(page.getByText('第 1 项，共 2 项')).toBeVisible();
      // The QR code is made in the page, for the server's public address, never the kiosk's own origin.
      const { publicUrl } = await snapshot(showfloor.url);
      const qr = page.getByRole('img', { name: '在手机上打开本展项的二维码' });
      await expect(qr).toBeVisible();
      await expect(page.locator('figure.qr')).toHaveAttribute('data-url', `${publicUrl}/m/item/alpha-item-1?lang=zh`);
      expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
      const box = (await qr.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(150);
      await shot(page, `${orientation}-item`);

      // A finger swiping to the left shows the next item of the section.
      await swipeLeft(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项2');
      await expect(page.locator('figure.qr')).toHaveAttribute('data-url', `${publicUrl}/m/item/alpha-item-2?lang=zh`);
      await expect(page.getByRole('button', { name: '下一项' })).toHaveAttribute('aria-disabled', 'true');
      await page.getByRole('button', { name: '上一项' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项1');

      // Back returns to the list (a swipe does not add a step), Home to the five sections.
      await back.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha板块');
      await home.click();
      await expect(page.getByRole('button', { name: 'beta板块' })).toBeVisible();
      await expect(back).toHaveAttribute('aria-disabled', 'true');
    });

    test('the language switch names each language in itself and changes every label, number and date', async ({ page }) => {
      await page.goto('/kiosk/');
      await touchToStart(page);

      const switcher = page.getByRole('group', { name: '语言 · Language' });
      await expect(switcher.getByRole('button')).toHaveText(['中文', 'English']);
      await expect(switcher.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByText('开幕 2023年11月12日')).toBeVisible();
      await expect(page.getByText('1,641', { exact: true })).toBeVisible();

      await switcher.getByRole('button', { name: 'English' }).click();
      await expect(switcher.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Back' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Exhibition');
      await expect(page.getByText('Opened 12 November 2023')).toBeVisible();
      await expect(page.getByText('2 exhibits')).toBeVisible();
      await expect(page.getByText('Visitors today')).toBeVisible();

      await page.getByRole('button', { name: 'Section alpha' }).click();
      await page.getByRole('button', { name: 'alpha item 2' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha item 2');
      await expect(page.getByText('Body text')).toBeVisible();
      await expect(page.getByText('2 of 2')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Key facts' })).toContainText('Number');
      await expect(page.getByRole('img', { name: 'QR code that opens this exhibit on a phone' })).toBeVisible();
      await shot(page, `${orientation}-item-english`);

      await switcher.getByRole('button', { name: '中文' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('alpha展项2');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });
  });
}

test.describe('touch targets', () => {
  for (const orientation of Object.keys(VIEWPORTS) as Orientation[]) {
    test(`every button is at least 48 px on a ${orientation} kiosk`, async ({ page }) => {
      await page.setViewportSize(VIEWPORTS[orientation]);
      await page.goto('/kiosk/');
      await touchToStart(page);
      const measure = async (view: string) => {
        const sizes = await page.getByRole('button').evaluateAll((buttons) => buttons.map((b) => ({ name: b.textContent?.trim(), ...b.getBoundingClientRect().toJSON() })));
        expect(sizes.length).toBeGreaterThan(2);
        for (const size of sizes) expect.soft(Math.min(size.width, size.height), `${view}: button "${size.name}"`).toBeGreaterThanOrEqual(48);
      };
      await measure('home');
      await page.getByRole('button', { name: 'alpha板块' }).click();
      await measure('section');
      await page.getByRole('button', { name: 'alpha展项1' }).click();
      await measure('item');
      await shot(page, `${orientation}-touch-targets`);
    });
  }
});
