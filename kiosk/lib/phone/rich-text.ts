/**
 * Operator rich text as a tree of the few elements an item body may use, for the phone page to
 * render with ordinary Svelte markup instead of `{@html}`: nothing the browser parses from the body
 * ever enters the page, only text and these tags. The server already sanitised every body before
 * storing it (sanitize-html, server/content/rich-text.ts) and the page's CSP forbids inline script;
 * this is the third line, and it costs the phone ~1 KB instead of DOMPurify's 11 KB (its budget is 50).
 */

import { allowedLinkHref, MAX_RICH_TEXT_DEPTH } from '../../../shared/rich-text.rules';
import { RICH_TEXT_TAGS } from '../../../shared/rich-text.vocabulary';

/** Elements kept as themselves (the server's allowlist); `a` keeps an http(s) `href` and nothing else keeps any attribute. */
export type RichTag = (typeof RICH_TEXT_TAGS)[number];

/** Elements dropped with everything inside them (any other element is unwrapped to its content). */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'title', 'head']);

export type RichNode = { kind: 'text'; text: string } | { kind: 'element'; tag: RichTag; href?: string; children: RichNode[] };

const isKept = (tag: string): tag is RichTag => (RICH_TEXT_TAGS as readonly string[]).includes(tag);

/**
 * Parses `html` in an inert document (no script runs, no image loads) and keeps only text and the
 * kept tags. Elements nested deeper than MAX_RICH_TEXT_DEPTH become their plain text: the page
 * renders the tree with one component per level, and a deep body (the server refuses new ones, an
 * old one may be stored) would otherwise overflow the stack. Depth counts every element, kept or
 * not, so this function's own recursion is bounded too.
 */
export function parseRichText(html: string): RichNode[] {
  const document = new DOMParser().parseFromString(html, 'text/html');
  return toNodes(document.body.childNodes, 1);
}

function toNodes(list: NodeListOf<ChildNode>, depth: number): RichNode[] {
  const nodes: RichNode[] = [];
  for (const node of list) {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push({ kind: 'text', text: node.textContent ?? '' });
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName;
      if (DROPPED.has(tag)) continue;
      if (depth > MAX_RICH_TEXT_DEPTH) {
        nodes.push({ kind: 'text', text: element.textContent ?? '' });
        continue;
      }
      const children = toNodes(element.childNodes, depth + 1);
      if (!isKept(tag)) {
        nodes.push(...children);
        continue;
      }
      const href = tag === 'a' ? allowedLinkHref(element.getAttribute('href')) : undefined;
      // A link to anywhere but the web (javascript:, data:, a relative trick) is shown as its text.
      if (tag === 'a' && !href) nodes.push(...children);
      else nodes.push({ kind: 'element', tag, ...(href ? { href } : {}), children });
    }
  }
  return nodes;
}
