import { basename, dirname, relative } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What every page's head starts with: the encoding, a viewport that may draw under a phone's notch, the icon. */
const HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' }, injectTo: 'head-prepend' },
  { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
];

/** What an app page's body holds before its script runs: the element it mounts in, and a note for a browser without JavaScript. */
const APP_BODY: HtmlTagDescriptor[] = [
  { tag: 'div', attrs: { id: 'app' }, injectTo: 'body-prepend' },
  { tag: 'noscript', children: [{ tag: 'p', children: '此页面需要启用 JavaScript。 · This page needs JavaScript.' }], injectTo: 'body' },
];

/**
 * Writes the part of the page shells that every page shares, in the build and in `vite` dev alike,
 * so that each `index.html` holds only what is its own: colour scheme, theme colour, title, entry
 * script (and the landing page its content). `apps` are the folders (below `root`) whose page is a
 * Svelte app; they also get the mount point and the no-JavaScript note.
 */
export function pageShell(root: string, apps: readonly string[]): Plugin {
  return {
    name: 'showfloor:page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, ctx) {
        if (basename(ctx.filename) !== 'index.html') return [];
        const folder = relative(root, dirname(ctx.filename));
        return apps.includes(folder) ? [...HEAD, ...APP_BODY] : HEAD;
      },
    },
  };
}
