import type { Locale } from '../i18n';
import { chooseLocale, LANG_PARAM, LOCALE_KEY, queryLocale, storedLocale } from './locale-choice';

/**
 * The visitor's language (rule in locale-choice.ts): the QR code's, else the one they switched to
 * on this phone (remembered, so a second QR code or a reload keeps it), else the phone's own.
 */
export class PhoneLocale {
  current = $state<Locale>('zh-CN');

  constructor(private readonly storage: Storage | null = safeLocalStorage()) {
    const query = typeof location === 'undefined' ? null : queryLocale(location.search);
    const languages = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
    this.current = chooseLocale({ query, stored: storedLocale(storage), browser: languages });
    // The QR code's language was for arriving; a reload after switching must not bring it back.
    if (query && typeof history !== 'undefined') {
      const url = new URL(location.href);
      url.searchParams.delete(LANG_PARAM);
      history.replaceState(history.state, '', url);
    }
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
