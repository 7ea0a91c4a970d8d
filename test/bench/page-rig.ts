import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startShowfloor, type ShowfloorProcess } from './showfloor';

const ROOT = resolve(import.meta.dirname, '../..');
/** The bundled exhibition: the pages are measured with real content, not the test fixture. */
export const CONTENT_DIR = resolve(ROOT, 'content');

/** The flags every browser test and bench uses with Debian's Chromium (see playwright.config.ts). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium at CHROMIUM_PATH (default /usr/bin/chromium), headless. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install it (apt-get install -y chromium) or point CHROMIUM_PATH at one`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A showfloor serving the built pages with the bundled exhibition (in its own process), and a Chromium. */
export interface PageRig {
  url: string;
  showfloor: ShowfloorProcess;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the server in a child process, as the fan-out bench does, so that the bench process
 * (Playwright's client, the event poster) does not share its event loop. Each page bench opens
 * its own rig: a fresh database, and a fresh pairing rate limit for the unpaired screens.
 */
export async function openPageRig(webDir: string): Promise<PageRig> {
  const showfloor = await startShowfloor({ WEB_DIR: webDir }, { contentDir: CONTENT_DIR });
  try {
    const browser = await launchChromium();
    return {
      url: showfloor.url,
      showfloor,
      browser,
      async close() {
        await browser.close();
        await showfloor.stop();
      },
    };
  } catch (error) {
    await showfloor.stop();
    throw error;
  }
}

/** A positive number from the environment, or `fallback` when the variable is not set. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: "${raw}" is not a positive number`);
  return value;
}

export const round1 = (value: number): number => Math.round(value * 10) / 10;

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
