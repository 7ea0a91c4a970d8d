import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/** An uploaded image as stored: its bytes and what the screens and the audit need to know of it. */
export interface MediaRecord {
  /** The generated file name it is served under (`<uuid>.webp`); never reused. */
  name: string;
  contentType: string;
  bytes: Buffer;
  width: number;
  height: number;
  size: number;
  /** Epoch milliseconds. */
  createdAt: number;
  createdBy: string;
}

/** Uploaded images in the database, so every node serves every upload and backups include them. */
export interface MediaRepository {
  insert(media: MediaRecord): Promise<void>;
  find(name: string): Promise<MediaRecord | undefined>;
  /** Runs `fn` in one transaction (the image and its audit entry are stored together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

interface MediaRow {
  name: string;
  content_type: string;
  bytes: Buffer | Uint8Array;
  width: number;
  height: number;
  size: number;
  created_at: number;
  created_by: string;
}

export class SqlMediaRepository implements MediaRepository {
  constructor(private readonly storage: Storage) {}

  async insert(m: MediaRecord): Promise<void> {
    await sql`INSERT INTO media (name, content_type, bytes, width, height, size, created_at, created_by)
      VALUES (${m.name}, ${m.contentType}, ${m.bytes}, ${m.width}, ${m.height}, ${m.size}, ${m.createdAt}, ${m.createdBy})`.execute(this.storage.db);
  }

  async find(name: string): Promise<MediaRecord | undefined> {
    const { rows } = await sql<MediaRow>`SELECT name, content_type, bytes, width, height, size, created_at, created_by FROM media WHERE name = ${name}`.execute(this.storage.db);
    const r = rows[0];
    return (
      r && {
        name: r.name,
        contentType: r.content_type,
        bytes: Buffer.isBuffer(r.bytes) ? r.bytes : Buffer.from(r.bytes),
        width: Number(r.width),
        height: Number(r.height),
        size: Number(r.size),
        createdAt: Number(r.created_at),
        createdBy: r.created_by,
      }
    );
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
