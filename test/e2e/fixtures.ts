import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The built pages; `npm test` builds them before Playwright runs. SHOWFLOOR_WEB_DIR points the
 * tests at another build (one of its own while someone else rebuilds dist/web).
 */
export const WEB_DIR = process.env.SHOWFLOOR_WEB_DIR ?? resolve(import.meta.dirname, '../../dist/web');

/** What Chromium logs while the server is away: failed socket and fetch attempts. */
export const NETWORK_ERRORS = /WebSocket connection to .* failed|Failed to load resource: net::ERR_|ERR_CONNECTION_REFUSED/;

/**
 * An error a test provokes on purpose, so that it does not fail the test: a pattern of the logged
 * text, or an HTTP refusal the page handles (the browser logs every 4xx as a console error).
 */
export type ToleratedError = RegExp | { status: number; path: RegExp };

const REFUSED = /^Failed to load resource: the server responded with a status of (\d{3})/;

function isTolerated(tolerated: ToleratedError, text: string, url: string): boolean {
  if (tolerated instanceof RegExp) return tolerated.test(text);
  const refused = REFUSED.exec(text);
  return refused !== null && Number(refused[1]) === tolerated.status && tolerated.path.test(new URL(url || '/', 'http://page').pathname);
}

/**
 * Records what a page reports (uncaught exceptions, console errors such as CSP violations) into
 * `errors`, except what `tolerated` lists (read at the time of each error: a test can add to it).
 * The fixtures do this for `page`; a test calls it for the other pages it opens.
 */
export function watchErrors(page: Page, errors: string[], tolerated: readonly ToleratedError[] = []): void {
  const note = (kind: 'uncaught' | 'console', text: string, url = '') => {
    if (!tolerated.some((t) => isTolerated(t, text, url))) errors.push(`${kind}: ${text}${url ? ` (${url})` : ''}`);
  };
  page.on('pageerror', (error) => note('uncaught', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') note('console', message.text(), message.location().url);
  });
}

interface Fixtures {
  /** Another content folder for this test's server (default: the fixture content, sections `alpha` and `beta`). */
  contentDir: string | undefined;
  /** Other built pages for this test's server (default WEB_DIR). */
  webDir: string | undefined;
  /** A real showfloor with its own data directory, serving the built pages. */
  showfloor: TestServer;
  /** Errors this test provokes on purpose; push to it before provoking them. */
  toleratedErrors: ToleratedError[];
  /** Errors the page reported; any that is not tolerated fails the test after it ran. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  contentDir: [undefined, { option: true }],
  webDir: [undefined, { option: true }],
  showfloor: async ({ contentDir, webDir }, use) => {
    const pages = webDir ?? WEB_DIR;
    if (!existsSync(resolve(pages, 'index.html'))) {
      throw new Error(`The pages are not built: run "npx vite build" first (looked in ${pages}).`);
    }
    const server = await startTestServer({ WEB_DIR: pages, ...(contentDir ? { CONTENT_DIR: contentDir } : {}) });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ showfloor }, use) => {
    await use(showfloor.url);
  },
  // A fresh list for every test (an option's default would be one array shared by all of them).
  // eslint-disable-next-line no-empty-pattern
  toleratedErrors: async ({}, use) => {
    await use([]);
  },
  pageErrors: [
    async ({ page, toleratedErrors }, use) => {
      const errors: string[] = [];
      watchErrors(page, errors, toleratedErrors);
      await use(errors);
      expect(errors, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
