import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { appVersion, pagesRoot } from './vite.config';

/**
 * The console's live-mirror page (console/mirror.html), built on its own after the apps. In the
 * apps' build it would share the kiosk's, stage's and door's modules, and the bundler would split
 * those apps into more, smaller chunks than they need (2.8 KB more gzipped for the kiosk, six more
 * requests); built apart, it has its own copies and the screens' pages stay exactly as they were.
 */
export default defineConfig({
  root: pagesRoot,
  base: '/',
  appType: 'mpa',
  publicDir: false,
  plugins: [svelte({ configFile: false })],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: false,
    target: 'es2022',
    rolldownOptions: { input: { mirror: resolve(pagesRoot, 'console', 'mirror.html') } },
  },
});
