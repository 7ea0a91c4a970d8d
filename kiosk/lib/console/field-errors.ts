import type { ZodType } from 'zod';
import { issueFields } from '../../../shared/field-errors';
import type { Locale } from '../../../shared/i18n';

/** Field path (as the server names it, e.g. `item.title.en`) → message. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; body: T } | { ok: false; fields: FieldErrors };

/**
 * A form's request body checked with the server's own schema (the console has no size budget, so
 * it loads zod): the same rules, and the same field messages the server would answer with.
 */
export function validated<T>(schema: ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, body: result.data } : { ok: false, fields: issueFields(result.error.issues) };
}

/**
 * The field errors of a refusal. The server sends `fields` for schema failures, but a few rules
 * checked later (an unknown section, an expiry in the past) only name the field inside `message`
 * ("item.section: unknown section …; expiresAt: must be in the future"), so those are read too.
 * Array indexes come as `facts[2]` in messages and `facts.2` in `fields`: both become `facts.2`.
 */
export function fieldErrorsOf(error: { message: string; fields?: FieldErrors }): FieldErrors {
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) fields[normalizePath(path)] = message;
  for (const part of error.message.split('; ')) {
    const match = /^([A-Za-z][\w-]*(?:\[\d+\]|\.[\w-]+)*): (.+)$/.exec(part.trim());
    if (match) fields[normalizePath(match[1]!)] ??= match[2]!;
  }
  return fields;
}

export function normalizePath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/** The error of one field, looked up with and without a root such as `item.`. */
export function errorAt(fields: FieldErrors, path: string, root = ''): string | undefined {
  return fields[`${root}${path}`] ?? (root ? fields[path] : undefined);
}

/** Errors whose path no input on the form claims, so they can be shown at the top instead of being lost. */
export function unclaimedErrors(fields: FieldErrors, claimed: (path: string) => boolean): [string, string][] {
  return Object.entries(fields).filter(([path]) => !claimed(path));
}

/** Common validation messages in Chinese; anything else is shown as the server wrote it. */
const ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must not be empty$/, () => '不能为空'],
  [/^must be at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must be at least (\d+) characters$/, (m) => `至少 ${m[1]} 个字符`],
  [/^must be a whole number$/, () => '必须是整数'],
  [/^must not be 0$/, () => '不能为 0'],
  [/^must say why \(at least 3 characters\)$/, () => '请说明原因（至少 3 个字符）'],
  [/^must be in the future$/, () => '必须晚于现在'],
  [/^must be after startsAt$/, () => '必须晚于开始时间'],
  [/^is required when target is "device"$/, () => '选择“单台设备”时必填'],
  [/^must be a colour like #1a2b3c$/, () => '颜色格式应为 #1a2b3c'],
  [/^must be a lowercase slug/, () => '只能用小写字母、数字和连字符（最多 64 个字符）'],
  [/^must be the 6-character code the screen shows$/, () => '请输入屏幕上显示的 6 位配对码'],
  [/^must repeat the day to reset$/, () => '请重新输入要清零的日期'],
  [/^must be 2–32 letters/, () => '2–32 个字母、数字、点、短横线或下划线'],
];

export function localizeMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, say] of ZH) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}
