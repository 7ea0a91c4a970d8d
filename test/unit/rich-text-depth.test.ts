import { describe, expect, it } from 'vitest';
import { allowedLinkHref, MAX_RICH_TEXT_DEPTH, richTextDepth, richTextDepthProblem } from '../../shared/rich-text.rules';

const nested = (depth: number, tag = 'b') => `${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(depth)}`;

describe('the rich-text depth rule', () => {
  it('counts nested elements, not siblings', () => {
    expect(richTextDepth('plain text')).toBe(0);
    expect(richTextDepth('<p>a</p><p>b</p>')).toBe(1);
    expect(richTextDepth('<ul><li><b>a</b></li><li>b</li></ul>')).toBe(3);
    expect(richTextDepth('<a href="https://x.org/?a=1&amp;b=2">x</a>')).toBe(1);
  });

  it('does not count void elements or escaped text as levels', () => {
    expect(richTextDepth('<p>a<br>b<br/>c</p>')).toBe(1);
    expect(richTextDepth('<p>&lt;b&gt;&lt;b&gt;</p>')).toBe(1);
  });

  it('measures 100,000 levels without recursion', () => {
    expect(richTextDepth(nested(100_000))).toBe(100_000);
  });

  it('allows a body at the limit and names the depth of one beyond it', () => {
    expect(richTextDepthProblem(nested(MAX_RICH_TEXT_DEPTH))).toBeUndefined();
    expect(richTextDepthProblem(nested(2000))).toBe(`is nested 2000 elements deep; at most ${MAX_RICH_TEXT_DEPTH} levels are allowed`);
  });

  it('is a sane limit: deep enough for real text, far from a stack overflow', () => {
    expect(MAX_RICH_TEXT_DEPTH).toBeGreaterThanOrEqual(12);
    expect(MAX_RICH_TEXT_DEPTH).toBeLessThanOrEqual(16);
  });
});

describe('the rich-text link rule', () => {
  it('keeps absolute http(s) addresses, normalised', () => {
    expect(allowedLinkHref('https://example.org')).toBe('https://example.org/');
    expect(allowedLinkHref('HTTP://example.org/a b')).toBe('http://example.org/a%20b');
  });

  it('refuses every other scheme and relative addresses', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', '/relative', 'mailto:a@b.c', '', null, undefined]) {
      expect(allowedLinkHref(href), String(href)).toBeUndefined();
    }
  });
});
