import sanitizeHtml from 'sanitize-html';
import type { Item } from '../../shared/content.schema';

/**
 * The HTML subset operators may use in item bodies. Everything else (scripts, event handlers,
 * styles, links with scripts) is removed before the text is stored, so no page ever receives it.
 */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https'],
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
