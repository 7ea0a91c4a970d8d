import { z } from 'zod';
import { LOCALES, type LocalizedText } from './i18n';

export const LocaleSchema = z.enum(LOCALES);

const nonBlank = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A text shown to visitors, in every locale. */
export const localizedText = (max = 500): z.ZodType<LocalizedText> => z.strictObject({ 'zh-CN': nonBlank(max), en: nonBlank(max) });
export const LocalizedTextSchema = localizedText();
