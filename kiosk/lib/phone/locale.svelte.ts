import { PRIMARY_LOCALE, type Locale } from '../i18n';
import { LOCALE_KEY, storedLocale } from './locale-choice';

/**
 * The visitor's language: zh-CN until they choose, then their choice, remembered on this phone
 * (a visitor who scans a second QR code should not have to switch again).
 */
export class PhoneLocale {
  current = $state<Locale>(PRIMARY_LOCALE);

  constructor(private readonly storage: Storage | null = safeLocalStorage()) {
    this.current = storedLocale(storage);
  }

  choose(locale: Locale): void {
    this.current = locale;
    try {
      this.storage?.setItem(LOCALE_KEY, locale);
    } catch {
      // Private mode or storage full: the choice holds until the page is closed.
    }
  }
}

/** `localStorage` throws on access in some privacy modes rather than being absent. */
function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
