import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const VITE = resolve(ROOT, 'node_modules/vite/bin/vite.js');
/** The apps whose pages the benches load; each must have its index.html in the build. */
export const APPS = ['kiosk', 'stage', 'console', 'm', 'door'] as const;

/** The built pages the page benches serve: a private directory, removed by `remove()`. */
export interface WebDir {
  dir: string;
  /** `built` from the current sources by the bench, or `copied` from SHOWFLOOR_WEB_DIR. */
  source: 'built' | 'copied';
  from: string;
  remove(): void;
}

/** The pages a build must hold: each app's, and the console's live-mirror page (built on its own). */
const PAGES = [...APPS.map((app) => `${app}/index.html`), 'console/mirror.html'];
const missingPages = (dir: string) => PAGES.filter((page) => !existsSync(join(dir, page)));

/**
 * The pages to measure, in a temporary directory of their own, so that a rebuild of dist/web
 * while the bench runs (another terminal, a watcher) cannot change files under a loaded page.
 * With SHOWFLOOR_WEB_DIR set, that build is copied; otherwise the current sources are built
 * (`vite build`, a few seconds): the figures then always describe the code in the checkout, never
 * a stale dist/web, and a fresh clone needs no build step first.
 */
export async function prepareWebDir(): Promise<WebDir> {
  const dir = mkdtempSync(join(tmpdir(), 'showfloor-bench-web-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const given = process.env.SHOWFLOOR_WEB_DIR;
    if (given) {
      const from = resolve(given);
      const missing = missingPages(from);
      if (missing.length > 0) {
        throw new Error(
          `SHOWFLOOR_WEB_DIR=${given} has no ${missing.join(', ')}: build it first ` +
            `(npm run build writes dist/web), or unset SHOWFLOOR_WEB_DIR and the bench builds the pages itself`,
        );
      }
      cpSync(from, dir, { recursive: true });
      return { dir, source: 'copied', from, remove };
    }
    if (!existsSync(VITE)) throw new Error(`cannot build the pages: ${VITE} is missing (run npm install)`);
    try {
      await promisify(execFile)(process.execPath, [VITE, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
      // The console's live-mirror page has a build of its own (vite.mirror.config.ts), as in `npm run build`.
      await promisify(execFile)(process.execPath, [VITE, 'build', '--config', 'vite.mirror.config.ts', '--outDir', dir, '--logLevel', 'error'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`building the pages failed (vite build): ${(stderr || stdout || message).trim().slice(0, 2_000)}`);
    }
    const missing = missingPages(dir);
    if (missing.length > 0) throw new Error(`vite build produced no ${missing.join(', ')}`);
    return { dir, source: 'built', from: ROOT, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
