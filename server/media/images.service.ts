import { randomUUID } from 'node:crypto';
import type sharp from 'sharp';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError } from '../platform/errors';
import { sniffImageType } from './image-type';
import type { MediaRecord, MediaRepository } from './media.repository';

/** Kiosk screens are at most 1920 px on their long side; larger images only cost memory (and database rows). */
const MAX_EDGE = 1920;
/** Decompression bombs: refuse images that would decode to more than this many pixels. */
const MAX_INPUT_PIXELS = 50_000_000;
/** The names uploads are stored under: generated here, so nothing else is ever looked up. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/;

/** Whether `name` has the shape of an upload's generated name. */
export const isUploadName = (name: string): boolean => STORED_NAME.test(name);

export interface StoredImage {
  src: string;
  width: number;
  height: number;
}

/**
 * Uploaded images are re-encoded, never stored as sent: the output is a fresh WebP with a
 * generated name, so no uploaded bytes (metadata, scripts, polyglots) reach a screen. The WebP
 * is kept in the database, so every node serves it and a backup or db:copy carries it along.
 */
export class ImagesService {
  constructor(
    private readonly deps: {
      repository: MediaRepository;
      audit: AuditService;
      now: () => number;
    },
  ) {}

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
    const stored = { src, width: output.info.width, height: output.info.height };
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.insert({
        name: src,
        contentType: 'image/webp',
        bytes: output.data,
        width: stored.width,
        height: stored.height,
        size: output.data.length,
        createdAt: this.deps.now(),
        createdBy: actor.id ?? actor.username,
      });
      await this.deps.audit.record(actor, { action: 'image.upload', targetType: 'image', targetId: src, after: { ...stored, originalName: originalName.slice(0, 200), bytes: output.data.length } });
    });
    return stored;
  }

  /** An uploaded image by the name it is served under; undefined for any other name. */
  async read(name: string): Promise<MediaRecord | undefined> {
    if (!isUploadName(name)) return undefined;
    return this.deps.repository.find(name);
  }
}
