import DOMPurify, { type Config } from 'dompurify';
import { RICH_TEXT_TAGS } from '../../../shared/rich-text.vocabulary';

/**
 * The tags an item body may use on the kiosk. The server already sanitises bodies before storing
 * them (sanitize-html); this is the second line of defence, right before `{@html}`. Links are
 * unwrapped to their text: a kiosk has no address bar, so a followed link would strand the visitor
 * on a page with no way back.
 */
const CONFIG: Config = {
  ALLOWED_TAGS: RICH_TEXT_TAGS.filter((tag) => tag !== 'a'),
  ALLOWED_ATTR: [],
  KEEP_CONTENT: true,
};

/** Operator rich text made safe to insert as HTML. The only input the kiosk's `{@html}` ever gets. */
export function sanitizeRichText(html: string): string {
  return DOMPurify.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false });
}
