import { test as base, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The built pages; `npm test` builds them before Playwright runs. SHOWFLOOR_WEB_DIR points the
 * tests at another build (one of its own while someone else rebuilds dist/web).
 */
export const WEB_DIR = process.env.SHOWFLOOR_WEB_DIR ?? resolve(import.meta.dirname, '../../dist/web');

interface Fixtures {
  /** A real showfloor with fixture content (sections `alpha`, `beta`) and its own data directory. */
  showfloor: TestServer;
  /** Errors the page reported (uncaught exceptions, console errors such as CSP violations); checked after each test. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  showfloor: async ({}, use) => {
    if (!existsSync(resolve(WEB_DIR, 'index.html'))) {
      throw new Error(`The pages are not built: run "npx vite build" first (looked in ${WEB_DIR}).`);
    }
    const server = await startTestServer({ WEB_DIR });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ showfloor }, use) => {
    await use(showfloor.url);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
