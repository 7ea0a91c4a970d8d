import { PRIMARY_LOCALE, type Locale } from '../i18n';

/** Where the phone remembers the visitor's language. */
export const LOCALE_KEY = 'showfloor.phone.locale.v1';

/** The remembered language; anything else (nothing, junk, storage that throws) is the default, zh-CN. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | null): Locale {
  try {
    const value = storage?.getItem(LOCALE_KEY);
    return value === 'zh-CN' || value === 'en' ? value : PRIMARY_LOCALE;
  } catch {
    return PRIMARY_LOCALE;
  }
}
