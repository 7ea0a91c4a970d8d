import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

/** The README's pictures stay small: at most this wide (4K shots are halved) and about this heavy. */
const MAX_WIDTH = 1920;
const TARGET_BYTES = 300 * 1024;

/**
 * Writes `png` to `path` as a palette PNG (256 colours, dithered: flat screens lose nothing you
 * can see), narrowed to MAX_WIDTH, and narrowed again in steps while it is over TARGET_BYTES.
 * Returns the bytes written.
 */
export async function savePng(png: Buffer, path: string): Promise<number> {
  const { width = MAX_WIDTH } = await sharp(png).metadata();
  let target = Math.min(width, MAX_WIDTH);
  for (;;) {
    const out = await sharp(png).resize({ width: target, withoutEnlargement: true }).png({ palette: true, quality: 85, compressionLevel: 9, effort: 8 }).toBuffer();
    if (out.length <= TARGET_BYTES || target <= 640) {
      writeFileSync(path, out);
      return out.length;
    }
    target = Math.round(target * 0.85);
  }
}
