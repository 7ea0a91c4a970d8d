import type { Locale } from '../i18n';

/** Where the phone remembers the language the visitor switched to. */
export const LOCALE_KEY = 'showfloor.phone.locale.v1';
/** The query parameter a kiosk's QR code adds: the language the visitor was reading there. */
export const LANG_PARAM = 'lang';

/** The language the visitor switched to on this phone, if they ever did (junk or a storage that throws: none). */
export function storedLocale(storage: Pick<Storage, 'getItem'> | null): Locale | null {
  try {
    const value = storage?.getItem(LOCALE_KEY);
    return value === 'zh-CN' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** The phone's own language: Chinese for any `zh-*` first preference, otherwise English. */
export function browserLocale(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en';
}

/** A `lang` value from a QR code ("en", "zh", "zh-CN"), or null when absent or unknown. */
export function queryLocale(search: string): Locale | null {
  const value = new URLSearchParams(search).get(LANG_PARAM)?.toLowerCase();
  if (value === 'en') return 'en';
  if (value === 'zh' || value === 'zh-cn') return 'zh-CN';
  return null;
}

/**
 * The language a phone page opens in: the one the kiosk's QR code carries (what the visitor was
 * just reading), else the one the visitor switched to on this phone before, else the phone's own.
 */
export function chooseLocale(sources: { query: Locale | null; stored: Locale | null; browser: readonly string[] }): Locale {
  return sources.query ?? sources.stored ?? browserLocale(sources.browser);
}
