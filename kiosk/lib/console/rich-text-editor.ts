import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import DOMPurify, { type Config } from 'dompurify';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_HEADINGS, RICH_TEXT_SCHEMES, RICH_TEXT_TAGS } from '../../../shared/rich-text.vocabulary';
import { allowedLinkHref } from '../../../shared/rich-text.rules';

/**
 * A WYSIWYG editor for item bodies that can only make the HTML subset the server keeps
 * (shared/rich-text.vocabulary.ts): its schema has exactly those blocks and marks — paragraphs,
 * line breaks, h3/h4, bold, italic, bullet and numbered lists, quotes, http(s) links — so what the
 * operator sees is what every screen renders. Pasted HTML (from Word or a web page) is first cut
 * down to the subset by DOMPurify, then parsed by that schema, which drops anything else.
 * Loaded only by the pages that edit (RichTextField imports this module lazily).
 */

const PASTE_CONFIG: Config = {
  ALLOWED_TAGS: [...RICH_TEXT_TAGS],
  ALLOWED_ATTR: [...new Set(Object.values(RICH_TEXT_ATTRIBUTES).flat())],
  KEEP_CONTENT: true,
};

/** Pasted HTML cut down to the subset (styles, classes, spans, images, scripts… gone; their text kept). */
export function cleanPastedHtml(html: string): string {
  return DOMPurify.sanitize(html, { ...PASTE_CONFIG, RETURN_TRUSTED_TYPE: false });
}

const allowedUri = (url: string) => allowedLinkHref(url) !== undefined;

/** The editor's HTML as stored: an empty document is an empty body, and empty paragraphs at the end are dropped. */
export function bodyHtml(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML().replace(/(<p><\/p>)+$/, '');
}

export interface RichTextEditorOptions {
  element: HTMLElement;
  content: string;
  /** Accessible name of the editable area. */
  label: string;
  lang: string;
  onChange: (html: string) => void;
  /** The selection or the marks changed (the toolbar shows what is on). */
  onState: () => void;
}

export function createRichTextEditor(options: RichTextEditorOptions): Editor {
  return new Editor({
    element: options.element,
    content: options.content,
    extensions: [
      StarterKit.configure({
        heading: { levels: [...RICH_TEXT_HEADINGS] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        // An empty paragraph kept after the last block would be stored and shown as a gap.
        trailingNode: false,
        link: {
          openOnClick: false,
          autolink: false,
          linkOnPaste: false,
          protocols: [...RICH_TEXT_SCHEMES],
          isAllowedUri: allowedUri,
          // The subset keeps only href: no target, rel or class that the server would strip anyway.
          HTMLAttributes: { target: null, rel: null, class: null },
        },
      }),
    ],
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': options.label, lang: options.lang, class: 'rich-editor', spellcheck: 'true' },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor }) => options.onChange(bodyHtml(editor)),
    onSelectionUpdate: () => options.onState(),
    onTransaction: () => options.onState(),
  });
}
