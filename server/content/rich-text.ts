import sanitizeHtml from 'sanitize-html';
import type { Item } from '../../shared/content.schema';
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

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT).trim();
}

/** The item as it may be stored: its body sanitised in every locale. */
export function sanitizeItem(item: Item): Item {
  return { ...item, body: { 'zh-CN': sanitizeRichText(item.body['zh-CN']), en: sanitizeRichText(item.body.en) } };
}
