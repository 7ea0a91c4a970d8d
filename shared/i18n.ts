/** The languages every visitor-facing text exists in; zh-CN is the default. Zod-free: every page may import it. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text shown to visitors, in every locale (its schema, with the length limits, is in i18n.schema.ts). */
export type LocalizedText = Record<Locale, string>;

/**
 * A text in both languages, Chinese first: every word table (server vocabularies and each page's
 * own words) is written with this, so the shape of a LocalizedText is spelled in one place.
 */
export function bilingual(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
