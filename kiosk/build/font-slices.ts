/*
 * Build-time rules for the bundled Chinese face (lib/type.css): which of its unicode-range slices a
 * page's text needs. Runs in Node (vite.config.ts), never in a page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One `@font-face` of a slice: its WOFF2 file name and the code points it covers. */
export interface FontSlice {
  file: string;
  weight: string;
  ranges: Array<readonly [number, number]>;
}

/** `U+4e00-4e0f,U+20ac` → `[[0x4e00, 0x4e0f], [0x20ac, 0x20ac]]`. Wildcards (`U+4??`) become their span. */
export function parseUnicodeRange(value: string): Array<readonly [number, number]> {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part !== '')
    .map((part) => {
      const [from = '', to] = part.split('-');
      if (to !== undefined) return [parseInt(from, 16), parseInt(to, 16)] as const;
      if (from.includes('?')) return [parseInt(from.replaceAll('?', '0'), 16), parseInt(from.replaceAll('?', 'f'), 16)] as const;
      const point = parseInt(from, 16);
      return [point, point] as const;
    });
}

/** The slices a Fontsource stylesheet declares (the WOFF2 source of each `@font-face`). */
export function fontSlices(css: string): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(["']?(?:[^)"']*\/)?([^/)"']+\.woff2)["']?\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    const weight = /font-weight:\s*([^;]+);/.exec(body)?.[1]?.trim() ?? '400';
    if (file && range) slices.push({ file, weight, ranges: parseUnicodeRange(range) });
  }
  return slices;
}

/** The slices that hold at least one of `codePoints`. */
export function slicesFor(slices: readonly FontSlice[], codePoints: ReadonlySet<number>): FontSlice[] {
  const points = [...codePoints];
  return slices.filter((slice) => points.some((point) => slice.ranges.some(([from, to]) => point >= from && point <= to)));
}

/** Every code point (from the space up) in the files under `paths` whose names end in one of `extensions`. */
export function codePointsIn(paths: readonly string[], extensions: readonly string[]): Set<number> {
  const points = new Set<number>();
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    if (!extensions.some((extension) => path.endsWith(extension))) return;
    for (const char of readFileSync(path, 'utf8')) {
      const point = char.codePointAt(0) ?? 0;
      if (point >= 0x20) points.add(point);
    }
  };
  for (const path of paths) visit(path);
  return points;
}
