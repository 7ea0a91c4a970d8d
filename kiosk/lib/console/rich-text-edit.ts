/** What the rich-text toolbar can insert: the HTML subset the server keeps (server/content/rich-text.ts). */
export type RichFormat = 'p' | 'h3' | 'strong' | 'em' | 'ul' | 'link';

export interface TextEdit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  /** For a link: where its address is, so the editor can select it for typing over. */
  placeholder?: { start: number; end: number };
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * Applies a toolbar button to the selected text of a plain textarea that holds HTML. Inline
 * formats wrap the selection; block formats make each selected paragraph (lines separated by a
 * blank line) its own block, a list makes each selected line an item. With nothing selected the
 * empty tags are inserted and the caret is put between them, ready to type.
 */
export function applyFormat(value: string, selectionStart: number, selectionEnd: number, format: RichFormat, href = 'https://'): TextEdit {
  const start = Math.max(0, Math.min(selectionStart, selectionEnd, value.length));
  const end = Math.min(value.length, Math.max(selectionStart, selectionEnd));
  const selected = value.slice(start, end);
  const before = value.slice(0, start);
  const after = value.slice(end);

  let open: string;
  let close: string;
  let inner = selected;
  switch (format) {
    case 'strong':
    case 'em':
      open = `<${format}>`;
      close = `</${format}>`;
      break;
    case 'link':
      open = `<a href="${escapeAttribute(href)}">`;
      close = '</a>';
      break;
    case 'p':
    case 'h3': {
      const blocks = selected.split(/\n\s*\n/).map((b) => b.trim());
      open = `<${format}>`;
      close = `</${format}>`;
      if (blocks.length > 1) inner = blocks.filter(Boolean).join(`${close}\n${open}`);
      else inner = selected.trim();
      break;
    }
    case 'ul': {
      const lines = selected.split('\n').map((l) => l.trim()).filter(Boolean);
      open = '<ul>\n<li>';
      close = '</li>\n</ul>';
      inner = lines.join('</li>\n<li>');
      break;
    }
  }
  const inserted = `${open}${inner}${close}`;
  const caret = before.length + open.length;
  const edit: TextEdit = {
    value: `${before}${inserted}${after}`,
    // An empty selection leaves the caret inside the new tags; otherwise the result stays selected.
    selectionStart: selected ? before.length : caret,
    selectionEnd: selected ? before.length + inserted.length : caret,
  };
  if (format === 'link') {
    const start = before.length + '<a href="'.length;
    edit.placeholder = { start, end: start + escapeAttribute(href).length };
  }
  return edit;
}
