// Plain values and functions, no zod: the server and every page import this one rule.
import { RICH_TEXT_SCHEMES } from './rich-text.vocabulary';

/**
 * How deeply elements in an item body may nest. Real bodies need three or four levels (a list in
 * a quote, a bold word in a list item); 16 leaves room for any honest text. Pages render bodies as
 * nested components or nested DOM, so a body of 2,000 nested `<b>` overflowed the phone page's
 * stack: the server refuses anything deeper, and the pages flatten anything deeper they still get
 * (a body stored before this limit existed).
 */
export const MAX_RICH_TEXT_DEPTH = 16;

/** Elements that never have content, so they open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

// A start or end tag. In serialised HTML (sanitize-html's output, a DOM's innerHTML) text and
// attribute values have their `<` and `>` escaped, so every `<` that starts a name is a tag.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * The deepest element nesting in serialised HTML: `"a<b><i>x</i></b>"` is 2, plain text 0.
 * A single scan with a counter, never recursion, so any input (however deep) is measured in
 * linear time and constant stack. Exact on well-formed markup such as the server's sanitised
 * bodies; on arbitrary markup it is an estimate (an unclosed tag counts as open to the end).
 */
export function richTextDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    const [, closing, name, selfClosing] = match;
    if (VOID.has(name!.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** The message for a body nested deeper than the limit, or undefined when it is within it. */
export function richTextDepthProblem(html: string): string | undefined {
  const depth = richTextDepth(html);
  return depth > MAX_RICH_TEXT_DEPTH
    ? `is nested ${depth} elements deep; at most ${MAX_RICH_TEXT_DEPTH} levels are allowed`
    : undefined;
}

/**
 * The address of a link an item body may keep, normalised, or undefined for anything but an
 * absolute http(s) address (javascript:, data:, relative tricks): such a link is shown as its text.
 */
export function allowedLinkHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return (RICH_TEXT_SCHEMES as readonly string[]).includes(url.protocol.slice(0, -1)) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
