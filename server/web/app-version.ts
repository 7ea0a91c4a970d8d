import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const VersionFileSchema = z.object({ version: z.string() });

/**
 * The version screens compare against their own: written by the page build (version.json),
 * so a rebuilt app makes open screens reload at their next quiet moment.
 */
export function appVersion(webDir: string): string {
  try {
    return VersionFileSchema.parse(JSON.parse(readFileSync(join(webDir, 'version.json'), 'utf8'))).version;
  } catch {
    return 'dev';
  }
}
