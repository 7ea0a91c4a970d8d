import { basename, dirname, relative } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What every page's head starts with: the encoding, a viewport that may draw under a phone's notch, the icon. */
const HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' }, injectTo: 'head-prepend' },
  { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
];

/** What differs between the apps' pages: the tab's title, and the colours the browser shows before the styles load. */
export interface AppPage {
  title: string;
  colorScheme: 'light' | 'dark';
  themeColor: string;
}

/** Each app's page, by its folder below kiosk/. */
export const APP_PAGES = {
  kiosk: { title: '展台屏 · Booth kiosk — showfloor', colorScheme: 'dark', themeColor: '#0b1630' },
  stage: { title: '舞台大屏 · Stage display — showfloor', colorScheme: 'dark', themeColor: '#070f24' },
  console: { title: '运营控制台 · Operator console — showfloor', colorScheme: 'light', themeColor: '#f4f6fa' },
  m: { title: '手机页 · Phone — showfloor', colorScheme: 'light', themeColor: '#ffffff' },
  door: { title: '门口计数 · Door counter — showfloor', colorScheme: 'dark', themeColor: '#0b1630' },
} as const satisfies Record<string, AppPage>;

/** What an app page's body holds before its script runs: the element it mounts in, and a note for a browser without JavaScript. */
const APP_BODY: HtmlTagDescriptor[] = [
  { tag: 'div', attrs: { id: 'app' }, injectTo: 'body-prepend' },
  { tag: 'noscript', children: [{ tag: 'p', children: '此页面需要启用 JavaScript。 · This page needs JavaScript.' }], injectTo: 'body' },
];

/**
 * Writes the part of the page shells that every page shares, in the build and in `vite` dev alike,
 * so that an app's `index.html` holds only its entry script (the landing page keeps its own head
 * colours, title and content). `apps` are the folders (below `root`) whose page is a Svelte app:
 * they also get their title and colours, the mount point and the no-JavaScript note.
 */
export function pageShell(root: string, apps: Readonly<Record<string, AppPage>>): Plugin {
  return {
    name: 'showfloor:page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, ctx) {
        if (basename(ctx.filename) !== 'index.html') return [];
        const folder = relative(root, dirname(ctx.filename));
        const app = Object.hasOwn(apps, folder) ? apps[folder] : undefined;
        if (!app) return HEAD;
        const own: HtmlTagDescriptor[] = [
          { tag: 'meta', attrs: { name: 'color-scheme', content: app.colorScheme }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'theme-color', content: app.themeColor }, injectTo: 'head-prepend' },
          { tag: 'title', children: app.title, injectTo: 'head-prepend' },
        ];
        return [...HEAD, ...own, ...APP_BODY];
      },
    },
  };
}
