/**
 * The HTML subset of item bodies: the server's sanitiser keeps exactly these tags and attributes
 * (server/content/rich-text.ts), and the console's editor can produce only these (its schema and
 * its paste filter are built from this list). Zod-free, for both.
 */
export const RICH_TEXT_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'] as const;
export const RICH_TEXT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'] };
/** Link schemes kept; any other link loses its address. */
export const RICH_TEXT_SCHEMES = ['http', 'https'] as const;
/** Heading levels the subset has (h3, h4). */
export const RICH_TEXT_HEADINGS = [3, 4] as const;
