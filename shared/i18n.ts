import { z } from 'zod';

/** The languages every visitor-facing text exists in; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const nonBlank = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A text shown to visitors, in every locale. */
export const localizedText = (max = 500) => z.strictObject({ 'zh-CN': nonBlank(max), en: nonBlank(max) });
export const LocalizedTextSchema = localizedText();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
