import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, transformWithOxc, type Plugin, type Rolldown } from 'vite';
import { codePointsIn, fontSlices, slicesFor } from './kiosk/build/font-slices';
import { APP_PAGES, pageShell } from './kiosk/build/page-shell';

const repoRoot = import.meta.dirname;
export const pagesRoot = resolve(repoRoot, 'kiosk');
/** The apps besides the landing page; the server maps `/<app>/*` to `<app>/index.html`. */
const APPS = ['kiosk', 'stage', 'console', 'm', 'door'] as const;
/** The apps that must open without the server (a booth kiosk, a door phone): each gets a service worker. */
const OFFLINE_APPS = ['kiosk', 'door'] as const;
/** `npm run dev` (the API and sockets) runs here while `vite` serves the pages with hot reload. */
const DEV_SERVER = 'http://localhost:3000';

const packageVersion = (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * `<package version>+<hash of the page sources>`. A content hash rather than the build time:
 * rebuilding unchanged sources gives the same version, so screens that compare their own version
 * with the server's (snapshot.appVersion) only reload when the pages really changed.
 */
export const appVersion = `${packageVersion}+${sourceHash([pagesRoot, resolve(repoRoot, 'shared')], [
  resolve(repoRoot, 'package-lock.json'),
  resolve(repoRoot, 'vite.config.ts'),
])}`;

export default defineConfig({
  root: pagesRoot,
  base: '/',
  // Several pages, each its own app; the server (not Vite) decides which page a deep link gets.
  appType: 'mpa',
  publicDir: resolve(pagesRoot, 'public'),
  plugins: [svelte({ configFile: false }), pageShell(pagesRoot, APP_PAGES), versionFile(appVersion), bundledFaceCss(), offlineServiceWorkers(OFFLINE_APPS, appVersion)],
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    // The server serves this folder (config WEB_DIR, default ./dist/web).
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        landing: resolve(pagesRoot, 'index.html'),
        ...Object.fromEntries(APPS.map((app) => [app, resolve(pagesRoot, app, 'index.html')])),
      },
    },
  },
  server: {
    proxy: {
      '/api': DEV_SERVER,
      '/socket.io': { target: DEV_SERVER, ws: true },
      '/media': DEV_SERVER,
      '/healthz': DEV_SERVER,
    },
  },
});

/** Writes `version.json` (`{"version": "..."}`) next to the pages; the server reports it as the app version. */
function versionFile(version: string): Plugin {
  return {
    name: 'showfloor:version-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'version.json', source: `${JSON.stringify({ version })}\n` });
    },
  };
}

/** The bundled face's stylesheets (kiosk/lib/type.ts) that the pages import. */
const FONT_STYLESHEET = /[\\/]@fontsource[\\/]noto-sans-sc[\\/](\d+)\.css$/;

/**
 * Two changes to the bundled face's `@font-face` rules:
 *
 * - the WOFF fallback goes: every browser the screens run (Chromium kiosks, current phones) reads
 *   WOFF2, so the WOFF copies would only double the build;
 * - its line metrics are set to 95% ascent and 25% descent, no line gap (Noto Sans SC declares
 *   116% + 29%, room for stacked accents the screens never show). A CJK glyph's ink spans about
 *   88% above the baseline and 12% below, so nothing is drawn outside the box; what changes is that
 *   a line box at the tight line-heights of the stage's figures and lower third (0.95–1.25) holds
 *   its text, as it did with the system faces the layout was made with.
 */
function bundledFaceCss(): Plugin {
  return {
    name: 'showfloor:bundled-face-css',
    enforce: 'pre',
    transform(code, id) {
      if (!FONT_STYLESHEET.test(id)) return null;
      const css = code
        .replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '')
        .replace(/font-display:\s*swap;/g, 'font-display: swap;\n  ascent-override: 95%;\n  descent-override: 25%;\n  line-gap-override: 0%;');
      return { code: css, map: null };
    },
  };
}

/**
 * The slices of the bundled face the kiosk precaches: those holding a character of the bundled
 * content or of the kiosk's own words, in each weight the pages import. A character an operator adds
 * later is fetched (and kept by the worker's cache-first rule for /assets/) the first time it shows
 * online. Returns the source file names (`noto-sans-sc-57-400-normal.woff2`).
 */
function kioskFontSlices(): Set<string> {
  const text = codePointsIn([resolve(repoRoot, 'content'), resolve(pagesRoot, 'kiosk'), resolve(pagesRoot, 'lib'), resolve(repoRoot, 'shared')], ['.json', '.svelte', '.ts']);
  const stylesheets = readFileSync(resolve(pagesRoot, 'lib/type.ts'), 'utf8').matchAll(/'(@fontsource\/noto-sans-sc\/\d+\.css)'/g);
  const names = new Set<string>();
  for (const [, sheet = ''] of stylesheets) {
    const css = readFileSync(resolve(repoRoot, 'node_modules', sheet), 'utf8');
    for (const slice of slicesFor(fontSlices(css), text)) names.add(slice.file);
  }
  return names;
}

/**
 * Builds the one service worker source (kiosk/lib/offline/sw.ts) into `<app>/sw.js` for each app
 * that must open offline, with the app's name and the list of files to precache: its page and
 * every chunk, style and asset it loads, read from this build's chunk graph so the list is always
 * exact. Hand-written rather than vite-plugin-pwa: pages of a multi-page build, each with a scope
 * of its own, and an update that waits for an idle moment are simpler to say directly than to
 * configure (and it needs no workbox-build tree).
 */
function offlineServiceWorkers(apps: readonly string[], version: string): Plugin {
  const source = resolve(pagesRoot, 'lib/offline/sw.ts');
  return {
    name: 'showfloor:offline-service-workers',
    apply: 'build',
    // After the bundle is final: Vite drops CSS-only chunks late, and a precached file that does
    // not exist would make the worker's install fail.
    async writeBundle(options, bundle) {
      const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source, { lang: 'ts', target: 'es2022' });
      // A classic worker script: the module marker that scopes the file's types has to go.
      const script = code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      for (const app of apps) {
        const page = resolve(pagesRoot, app, 'index.html');
        const entry = Object.values(bundle).find((file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.isEntry && file.facadeModuleId === page);
        if (!entry) continue; // a build without this page
        const precache = [`/${app}/`, '/favicon.svg', ...withNeededFontSlices(shellFiles(entry, bundle), bundle).map((name) => `/${name}`)];
        const header = `const APP = ${JSON.stringify(app)};\nconst PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = ${JSON.stringify(version)};\n`;
        writeFileSync(join(options.dir ?? resolve(repoRoot, 'dist/web'), app, 'sw.js'), header + script);
      }
    },
  };
}

/**
 * The files an app's page loads: its entry chunk, every chunk it imports, and their styles and
 * assets, sorted. Lazily imported chunks are in too: the door's badge scanner must start offline.
 */
/**
 * An app's shell with its font files narrowed to the slices its text needs (kioskFontSlices): an
 * app that loads the bundled face precaches those, not every slice its stylesheet names.
 */
function withNeededFontSlices(shell: string[], bundle: Rolldown.OutputBundle): string[] {
  const isFont = (name: string) => /\.woff2?$/.test(name);
  if (!shell.some(isFont)) return shell;
  const slices = kioskFontSlices();
  const needed = Object.keys(bundle).filter((name) => {
    const file = bundle[name];
    return file?.type === 'asset' && file.names.some((source) => slices.has(source));
  });
  return [...new Set([...shell.filter((name) => !isFont(name)), ...needed])].sort();
}

function shellFiles(entry: Rolldown.OutputChunk, bundle: Rolldown.OutputBundle): string[] {
  const files = new Set<string>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const name of [...(chunk.viteMetadata?.importedCss ?? []), ...(chunk.viteMetadata?.importedAssets ?? [])]) files.add(name);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return [...files].filter((name) => name in bundle).sort();
}

/** First 8 hex digits of a SHA-256 over the files under `dirs` and the `files` (paths and contents, in a stable order). */
function sourceHash(dirs: string[], files: string[]): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else add(path);
    }
  };
  for (const dir of dirs) walk(dir);
  for (const file of files) add(file);
  return hash.digest('hex').slice(0, 8);
}
