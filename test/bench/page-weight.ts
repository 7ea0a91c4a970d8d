import type { Browser, BrowserContextOptions } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** Level 6: what web servers and Node's compression middleware use by default. */
export const GZIP_LEVEL = 6;

export interface PageWeight {
  /** The address loaded, e.g. `/m/item/kiryl-piatkevich`. */
  path: string;
  /** Every JavaScript file the page loaded from the server, gzipped at GZIP_LEVEL one by one, summed. */
  jsGzipBytes: number;
  jsBytes: number;
  jsFiles: { path: string; bytes: number; gzipBytes: number }[];
  /** The page's style sheets, gzipped the same way. */
  cssGzipBytes: number;
  /**
   * The font files (WOFF2 slices of the bundled face) the page fetched, as sent: WOFF2 is already
   * compressed, so gzip would not shrink it. Not JavaScript, so outside the JS budgets.
   */
  fontBytes: number;
  fontFiles: number;
}

export interface PageSpec {
  path: string;
  /** Present once the page shows what it is for (its content, not a spinner). */
  ready: string;
  contextOptions?: BrowserContextOptions;
  /** Scripts run before the page's own, e.g. a paired screen's credentials in localStorage. */
  initScripts?: string[];
  /** A session cookie, for pages behind the sign-in. */
  cookie?: string;
}

/**
 * The JavaScript (and the styles and fonts) a page really loads on a first visit: a new browser context (empty HTTP cache,
 * no service worker, which is blocked so its precache does not count as the page's), the page
 * opened and left until it shows `ready` and the network is quiet, so chunks imported after the
 * first render count too. Bodies are taken as the server sent them (it does not compress) and
 * gzipped here, the way a web server in front of it would send them.
 */
export async function measurePageWeight(browser: Browser, origin: string, spec: PageSpec): Promise<PageWeight> {
  const context = await browser.newContext({ ...spec.contextOptions, serviceWorkers: 'block' });
  try {
    if (spec.cookie) {
      const [name, ...value] = spec.cookie.split('=');
      await context.addCookies([{ name: name!, value: value.join('='), url: origin }]);
    }
    for (const script of spec.initScripts ?? []) await context.addInitScript(script);
    const page = await context.newPage();
    const bodies = new Map<string, Promise<{ kind: 'js' | 'css' | 'font'; body: Buffer }>>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || response.status() !== 200) return;
      const type = response.request().resourceType();
      const kind = type === 'script' || /\.m?js$/.test(url.pathname) ? 'js' : type === 'stylesheet' || url.pathname.endsWith('.css') ? 'css' : type === 'font' || /\.woff2?$/.test(url.pathname) ? 'font' : undefined;
      // A modulepreload and the import that uses it are one download: count a file once.
      if (kind && !bodies.has(url.pathname)) bodies.set(url.pathname, response.body().then((body) => ({ kind, body })));
    });
    await page.goto(`${origin}${spec.path}`);
    await page.waitForSelector(spec.ready, { timeout: 30_000 });
    // Lazily imported chunks and late requests: wait until nothing has loaded for 500 ms.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const files = await Promise.all([...bodies].map(async ([path, body]) => ({ path, ...(await body) })));
    const gzip = (body: Buffer) => gzipSync(body, { level: GZIP_LEVEL }).length;
    const jsFiles = files
      .filter((f) => f.kind === 'js')
      .map((f) => ({ path: f.path, bytes: f.body.length, gzipBytes: gzip(f.body) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      path: spec.path,
      jsGzipBytes: jsFiles.reduce((sum, f) => sum + f.gzipBytes, 0),
      jsBytes: jsFiles.reduce((sum, f) => sum + f.bytes, 0),
      jsFiles,
      cssGzipBytes: files.filter((f) => f.kind === 'css').reduce((sum, f) => sum + gzip(f.body), 0),
      fontBytes: files.filter((f) => f.kind === 'font').reduce((sum, f) => sum + f.body.length, 0),
      fontFiles: files.filter((f) => f.kind === 'font').length,
    };
  } finally {
    await context.close();
  }
}
