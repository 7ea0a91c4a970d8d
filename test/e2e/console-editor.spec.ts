import { editableItem, expect, expectConnected, openKioskItem, openScreen, pasteHtml, shot, signInToConsole, test } from './console-helpers';

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1440, height: 900 } });

test('bolding a word and adding a list in the editor shows exactly that on a kiosk item page', async ({ page, browser, showfloor, toleratedErrors, pageErrors }) => {
  const kiosk = await openScreen(browser, showfloor.url, toleratedErrors, pageErrors);
  await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
  await openKioskItem(kiosk.page, 'alpha板块', 'alpha展项1');
  await kiosk.page.getByRole('button', { name: 'English' }).click();

  await signInToConsole(page);
  await expectConnected(page);
  await page.goto('/console/content/alpha/alpha-item-1');
  const editor = page.getByRole('textbox', { name: 'Body (English)' });
  // Both languages side by side, each a document editor (no HTML to type).
  await expect(page.getByRole('textbox', { name: 'Body (Chinese)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Body', exact: true }).locator('textarea')).toHaveCount(0);

  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Visit the lab');
  // Select the last word and bold it with the toolbar.
  await page.keyboard.press('Control+Shift+ArrowLeft');
  const toolbar = page.getByRole('toolbar', { name: 'English body formatting' });
  await toolbar.getByRole('button', { name: 'Bold (English)' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bold (English)' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await toolbar.getByRole('button', { name: 'Bold (English)' }).click();
  await page.keyboard.type(' today');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bulleted list (English)' }).click();
  await page.keyboard.type('Microscopes');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pathology');
  await shot(page, 'rich-text-editor');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect((await editableItem(showfloor.url, 'alpha-item-1')).item.body.en).toBe('<p>Visit the <strong>lab</strong> today</p><ul><li><p>Microscopes</p></li><li><p>Pathology</p></li></ul>');

  // The kiosk shows exactly that: one bold word and a two-item list.
  const body = kiosk.page.locator('main .rich-text');
  await expect(body.locator('strong')).toHaveText(['lab']);
  await expect(body.getByRole('listitem')).toHaveText(['Microscopes', 'Pathology']);
  await expect(body.locator('p').first()).toHaveText('Visit the lab today');
  expect(await body.evaluate((element) => element.innerHTML.replace(/<!--.*?-->/g, '').trim())).toBe('<p>Visit the <strong>lab</strong> today</p><ul><li><p>Microscopes</p></li><li><p>Pathology</p></li></ul>');
  await kiosk.page.screenshot({ path: 'test-results/console-editor-kiosk.png' });
  await kiosk.context.close();
});

test('text pasted from a word processor is cleaned to the subset the screens show', async ({ page, showfloor }) => {
  await signInToConsole(page);
  await page.goto('/console/content/alpha/alpha-item-1');
  await pasteHtml(
    page,
    'Body (English)',
    '<meta charset="utf-8"><p class="MsoNormal" style="color:red;font-family:Calibri"><span style="font-weight:bold"><b>Key</b></span> <font face="Arial">fact</font><o:p></o:p></p>' +
      '<table><tr><td>cell</td></tr></table><h1>Big title</h1><ul><li style="margin:0">one</li></ul><img src="data:,x">',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const body = (await editableItem(showfloor.url, 'alpha-item-1')).item.body.en;
  expect(body).toContain('<strong>Key</strong> fact');
  expect(body).toContain('cell');
  expect(body).toContain('<li><p>one</p></li>');
  expect(body).not.toMatch(/style=|class=|<span|<font|<table|<img|<h1|<meta/);
});
