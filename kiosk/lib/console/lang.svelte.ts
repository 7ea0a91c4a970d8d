import type { Locale, LocalizedText } from '../../../shared/i18n';

const STORAGE_KEY = 'showfloor.console.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en') return stored;
  } catch {
    // Storage can be off (private mode); the browser's language still decides.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language of the console's own words. Content is always edited in both languages side by
 * side; this only decides the labels, buttons and messages. Remembered per browser.
 */
export class UiLanguage {
  locale = $state<Locale>(initialLocale());

  constructor() {
    document.documentElement.lang = this.locale;
  }

  /** The text in the current language: `ui.l('保存', 'Save')`. Reading `locale` makes it reactive. */
  l(zh: string, en: string): string {
    return this.locale === 'en' ? en : zh;
  }

  t(text: LocalizedText): string {
    return text[this.locale];
  }

  set(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered; it still applies now.
    }
  }
}
