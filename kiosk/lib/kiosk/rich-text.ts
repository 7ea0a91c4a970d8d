import DOMPurify, { type Config } from 'dompurify';
import { MAX_RICH_TEXT_DEPTH, richTextDepth } from '../../../shared/rich-text.rules';
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

/** A body nested too deeply keeps its text and line breaks only: nothing left to nest. */
const FLAT: Config = { ALLOWED_TAGS: ['br'], ALLOWED_ATTR: [], KEEP_CONTENT: true };

/**
 * Operator rich text made safe to insert as HTML. The only input the kiosk's (and the console
 * preview's) `{@html}` ever gets. A body nested deeper than MAX_RICH_TEXT_DEPTH (the server
 * refuses those now; one stored earlier may still arrive) is shown as plain text, so no page holds
 * a pathologically deep tree.
 */
export function sanitizeRichText(html: string): string {
  const safe = DOMPurify.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false });
  // DOMPurify's output is serialised markup, where richTextDepth is exact.
  if (richTextDepth(safe) <= MAX_RICH_TEXT_DEPTH) return safe;
  return DOMPurify.sanitize(safe, { ...FLAT, RETURN_TRUSTED_TYPE: false });
}
