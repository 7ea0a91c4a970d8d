import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Names the compiled server this code runs from (`dist/server/main.js`: its size and modification
 * time, so every rebuild is a new identity), or undefined when it runs from TypeScript sources
 * (tsx, tests), where no single file covers the code. Used to trust work a previous start of the
 * very same build did, such as validating stored content.
 */
export function compiledBuildIdentity(moduleUrl: string = import.meta.url): string | undefined {
  const file = fileURLToPath(moduleUrl);
  if (!file.endsWith('.js')) return undefined;
  try {
    const { size, mtimeMs } = statSync(file);
    return `${file}:${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}
