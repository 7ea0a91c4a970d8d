import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import type { Item } from '../../shared/content.schema';
import { LOCALES } from '../../shared/i18n';
import { richTextDepthProblem } from '../../shared/rich-text.rules';
import { AppError } from '../platform/errors';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_SCHEMES, RICH_TEXT_TAGS } from '../../shared/rich-text.vocabulary';

/**
 * The HTML subset operators may use in item bodies. Everything else (scripts, event handlers,
 * styles, links with scripts) is removed before the text is stored, so no page ever receives it.
 */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(RICH_TEXT_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]])),
  allowedSchemes: [...RICH_TEXT_SCHEMES],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/**
 * sanitize-html (with postcss and htmlparser2, ~400 KB of code) is loaded on the first body it
 * cleans, not at start: a start on an existing database never needs it, a content write does.
 * Loaded synchronously from node_modules (as the externals of the server bundle are), so that
 * every caller keeps its synchronous signature.
 */
let sanitizer: typeof sanitizeHtml | undefined;
const requireFromHere = createRequire(import.meta.url);

export function sanitizeRichText(html: string): string {
  sanitizer ??= requireFromHere('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, RICH_TEXT).trim();
}

/** The item as it may be stored: its body sanitised in every locale. */
export function sanitizeItem(item: Item): Item {
  return { ...item, body: { 'zh-CN': sanitizeRichText(item.body['zh-CN']), en: sanitizeRichText(item.body.en) } };
}

/**
 * `{ 'body.en': 'is nested 2000 elements deep; …' }` for every locale of a sanitised item whose
 * body nests deeper than pages can render. Measured on the sanitised text, the markup that would be
 * stored, so tags the sanitiser drops do not count.
 */
export function bodyDepthProblems(item: Item): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const locale of LOCALES) {
    const problem = richTextDepthProblem(item.body[locale]);
    if (problem) problems[`body.${locale}`] = problem;
  }
  return problems;
}

/** The item with its bodies sanitised, or a 400 naming each body (under `root`, e.g. `item.`) nested too deeply. */
export function sanitizeItemOrThrow(item: Item, root = ''): Item {
  const clean = sanitizeItem(item);
  const problems = Object.entries(bodyDepthProblems(clean)).map(([path, message]) => [`${root}${path}`, message] as const);
  if (problems.length === 0) return clean;
  throw new AppError(400, 'validation_failed', problems.map(([path, message]) => `${path}: ${message}`).join('; '), {
    fields: Object.fromEntries(problems),
  });
}
