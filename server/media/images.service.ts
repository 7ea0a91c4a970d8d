import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type sharp from 'sharp';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError } from '../platform/errors';
import { sniffImageType } from './image-type';

/** Kiosk screens are at most 1920 px on their long side; larger images only cost memory. */
const MAX_EDGE = 1920;
/** Decompression bombs: refuse images that would decode to more than this many pixels. */
const MAX_INPUT_PIXELS = 50_000_000;

export interface StoredImage {
  src: string;
  width: number;
  height: number;
}

/**
 * Uploaded images are re-encoded, never stored as sent: the output is a fresh WebP with a
 * generated name, so no uploaded bytes (metadata, scripts, polyglots) reach a screen.
 */
export class ImagesService {
  constructor(
    private readonly mediaDir: string,
    private readonly audit: AuditService,
  ) {
    mkdirSync(mediaDir, { recursive: true });
  }

  async store(file: Buffer, originalName: string, actor: Actor): Promise<StoredImage> {
    const type = sniffImageType(file);
    if (!type) throw new AppError(415, 'unsupported_image', 'image: only PNG, JPEG or WebP images are accepted (SVG and other files are refused)');
    let output: { data: Buffer; info: sharp.OutputInfo };
    try {
      // Loaded on the first upload, not at start: sharp and libvips take ~15 ms to load and no
      // screen waits for an upload.
      const { default: decode } = await import('sharp');
      output = await decode(file, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw new AppError(400, 'invalid_image', `image: the file could not be read as ${type} (${(error as Error).message})`);
    }
    const src = `${randomUUID()}.webp`;
    await writeFile(join(this.mediaDir, src), output.data, { flag: 'wx' });
    const stored = { src, width: output.info.width, height: output.info.height };
    await this.audit.record(actor, { action: 'image.upload', targetType: 'image', targetId: src, after: { ...stored, originalName: originalName.slice(0, 200), bytes: output.data.length } });
    return stored;
  }
}
