import { sanitizeRichText } from '../kiosk/rich-text';

/**
 * Safe HTML for the preview's `{@html}`: the only function whose output the console renders as
 * markup. It is the kiosk's own sanitiser (DOMPurify with the kiosk's allowlist, links unwrapped to
 * their text), so the preview shows exactly what a booth will, and a draft that has not been
 * through the server's sanitiser yet is still made safe here.
 *
 * Chromium reports a CSP violation ("Executing inline event handler…") when DOMPurify parses a
 * draft that contains `on…=` attributes: the page's policy forbids inline handlers even in the
 * inert document DOMPurify parses into. Nothing runs; DOMPurify then drops the attribute.
 */
export const sanitizeBody: (html: string) => string = sanitizeRichText;
