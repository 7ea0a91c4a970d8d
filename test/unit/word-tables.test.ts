import { describe, expect, it } from 'vitest';
import { bilingual, LOCALES } from '../../shared/i18n';
import { UI } from '../../kiosk/lib/i18n';
import { KIOSK_UI } from '../../kiosk/lib/kiosk/kiosk-i18n';
import { NOTES, PHONE_UI } from '../../kiosk/lib/phone/phone-i18n';
import { STAGE_TEXT } from '../../kiosk/stage/stage-text';

describe('word tables', () => {
  it('writes a bilingual text Chinese first', () => {
    expect(bilingual('今日观众', 'Visitors today')).toEqual({ 'zh-CN': '今日观众', en: 'Visitors today' });
  });

  it.each([
    ['UI', UI],
    ['KIOSK_UI', KIOSK_UI],
    ['PHONE_UI', PHONE_UI],
    ['NOTES', NOTES],
    ['STAGE_TEXT', STAGE_TEXT],
  ])('%s has every word in every language', (_name, table) => {
    for (const [key, text] of Object.entries(table)) {
      for (const locale of LOCALES) expect(text[locale], `${key} in ${locale}`).toMatch(/\S/);
    }
  });

  it('takes the words the apps share from one table', () => {
    expect(PHONE_UI.visitorsToday).toBe(UI.visitorsToday);
    expect(STAGE_TEXT.visitorsToday).toBe(UI.visitorsToday);
    expect(KIOSK_UI.home).toBe(PHONE_UI.home);
    expect(KIOSK_UI.liveStrip).toBe(UI.liveFigures);
  });
});
