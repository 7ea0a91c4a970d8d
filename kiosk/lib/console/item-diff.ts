import type { Locale } from '../../../shared/i18n';

/** One field that differs between two versions; `null` means the field is absent on that side. */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

/**
 * Every leaf of a JSON value by path: `title.en`, `facts.0.value.zh-CN`, `published`.
 * Empty arrays and objects are leaves too, so "no tags" and "one tag" still differ.
 */
export function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), into));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (prefix) {
    into.set(prefix, leafText(value));
  }
  return into;
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** The order fields of an item appear in, so a diff reads like the form. */
const FIELD_ORDER = ['published', 'section', 'order', 'title', 'summary', 'body', 'facts', 'tags', 'images'];

function rank(path: string): number {
  const index = FIELD_ORDER.indexOf(path.split('.')[0]!);
  return index === -1 ? FIELD_ORDER.length : index;
}

/**
 * Field-by-field differences from `before` to `after` (either may be null: a created or deleted
 * item). Works for any JSON value; fields are ordered as the item form shows them, and within a
 * field in the order they appear (zh-CN before en, facts by index).
 */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const position = new Map(paths.map((p, i) => [p, i]));
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .sort((x, y) => rank(x) - rank(y) || position.get(x)! - position.get(y)!)
    .map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}

const FIELD_NAMES: Record<string, [string, string]> = {
  published: ['发布', 'Published'],
  section: ['板块', 'Section'],
  order: ['顺序', 'Order'],
  title: ['标题', 'Title'],
  summary: ['简介', 'Summary'],
  body: ['正文', 'Body'],
  facts: ['要点', 'Key fact'],
  tags: ['标签', 'Tag'],
  images: ['图片', 'Image'],
  label: ['名称', 'label'],
  value: ['内容', 'value'],
  src: ['文件', 'file'],
  alt: ['替代文字', 'alt text'],
  color: ['颜色', 'Colour'],
  role: ['角色', 'Role'],
  disabled: ['停用', 'Disabled'],
  name: ['名称', 'Name'],
  text: ['文字', 'Text'],
  version: ['版本', 'Version'],
};
const LANGUAGE_NAMES: Record<string, [string, string]> = { 'zh-CN': ['中文', 'Chinese'], en: ['英文', 'English'] };

/** "Key fact 2 · value (English)" / "要点 2 · 内容（英文）" for `facts.1.value.en`. */
export function describePath(path: string, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const words: string[] = [];
  let language: string | undefined;
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) {
      // Indexes are 0-based on the wire, 1-based for people.
      if (words.length > 0) words[words.length - 1] += ` ${Number(part) + 1}`;
      else words.push(String(Number(part) + 1));
    } else if (LANGUAGE_NAMES[part]) {
      language = LANGUAGE_NAMES[part][zh ? 0 : 1];
    } else {
      const name = FIELD_NAMES[part];
      words.push(name ? name[zh ? 0 : 1] : part);
    }
  }
  const text = words.join(' · ');
  if (!language) return text;
  return zh ? `${text}（${language}）` : `${text} (${language})`;
}

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Above this many token pairs a word diff costs more than it helps; the two texts are shown whole. */
const MAX_DIFF_CELLS = 2_000_000;

/**
 * A word-level diff of two texts (Chinese characters count as words, since Chinese has no
 * spaces), for showing what changed inside a long body. Null when the texts are too long to
 * compare quickly.
 */
export function diffText(before: string, after: string): DiffPart[] | null {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_DIFF_CELLS) return null;
  // Longest common subsequence, filled from the end so the walk below goes forwards.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}

/** Words, runs of spaces, single CJK characters, single punctuation marks and whole HTML tags. */
function tokenize(text: string): string[] {
  return text.match(/<[^>]*>|[\p{Script=Han}]|[\p{L}\p{N}_'-]+|\s+|./gsu) ?? [];
}
