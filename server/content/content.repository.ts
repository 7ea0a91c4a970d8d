import { ExhibitionSchema, ItemSchema, SectionSchema, type Exhibition, type Item, type ItemVersion, type Section } from '../../shared/content.schema';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ZodType } from 'zod';
import type { Storage } from '../storage/storage';
import type { ContentBundle } from './content.bundle';

export interface ContentVersions {
  items: Map<string, { version: number; updatedAt: string }>;
  sections: Map<string, number>;
}

/**
 * Remembers which stored content rows were last checked against the schemas, and by which build.
 * Re-checking ~70 KB of unchanged content costs ~15 ms of every start; rows that changed since
 * (a write, a hand edit of the file) or that another build checked (its schemas may differ) are
 * always checked again.
 */
export interface ContentValidationMemo {
  /** The build running now (see compiledBuildIdentity). */
  build: string;
  /** The fingerprint of the rows as last validated, if any. */
  last(): Promise<string | undefined>;
  remember(fingerprint: string): Promise<void>;
}

export interface ContentRepository {
  /** The stored content, or undefined before the first seed; validated unless `memo` vouches for these exact rows. */
  load(memo?: ContentValidationMemo): Promise<ContentBundle | undefined>;
  versions(): Promise<ContentVersions>;
  /** Replaces all content in one transaction; every item gets a new version in its history. */
  replaceAll(bundle: ContentBundle, at: string, savedBy: string): Promise<void>;
  /** Stores `item` as `version` and appends it to the item's history. */
  saveItem(item: Item, version: number, at: string, savedBy: string): Promise<void>;
  /** Removes an item; its history keeps a last version with no data. */
  deleteItem(id: string, version: number, at: string, savedBy: string): Promise<void>;
  saveSection(section: Section, version: number, at: string): Promise<void>;
  saveExhibition(exhibition: Exhibition, at: string): Promise<void>;
  history(itemId: string): Promise<ItemVersion[]>;
  /** Runs `fn` in one transaction (a change and its audit entry commit together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export class SqlContentRepository implements ContentRepository {
  constructor(private readonly storage: Storage) {}

  async load(memo?: ContentValidationMemo): Promise<ContentBundle | undefined> {
    const db = this.storage.db;
    const { rows: exhibitionRows } = await sql<{ data: string }>`SELECT data FROM exhibition WHERE id = 1`.execute(db);
    const row = exhibitionRows[0];
    if (!row) return undefined;
    const { rows: sectionRows } = await sql<{ data: string }>`SELECT data FROM sections ORDER BY position, id`.execute(db);
    const { rows: itemRows } = await sql<{ data: string }>`SELECT data FROM items ORDER BY section_id, position, id`.execute(db);
    // Rows were validated when written; parsing again guards against hand edits of the file,
    // unless this build already validated exactly these rows.
    const fingerprint = memo && contentFingerprint(memo.build, [row, ...sectionRows, ...itemRows]);
    const trusted = fingerprint !== undefined && (await memo?.last()) === fingerprint;
    const read = <T>(schema: ZodType<T>, data: string): T => (trusted ? (JSON.parse(data) as T) : schema.parse(JSON.parse(data)));
    const bundle = {
      exhibition: read(ExhibitionSchema, row.data),
      sections: sectionRows.map((r) => read(SectionSchema, r.data)),
      items: itemRows.map((r) => read(ItemSchema, r.data)),
    };
    if (fingerprint !== undefined && !trusted) await memo?.remember(fingerprint);
    return bundle;
  }

  async versions(): Promise<ContentVersions> {
    const db = this.storage.db;
    const { rows: itemRows } = await sql<{ id: string; version: number; updated_at: string }>`SELECT id, version, updated_at FROM items`.execute(db);
    const { rows: sectionRows } = await sql<{ id: string; version: number }>`SELECT id, version FROM sections`.execute(db);
    return {
      items: new Map(itemRows.map((r) => [r.id, { version: r.version, updatedAt: r.updated_at }] as const)),
      sections: new Map(sectionRows.map((r) => [r.id, r.version] as const)),
    };
  }

  async replaceAll(bundle: ContentBundle, at: string, savedBy: string): Promise<void> {
    await this.storage.transaction(async () => {
      const db = this.storage.db;
      // Each item's history goes on from its last version, deleted items' included.
      const { rows: last } = await sql<{ item_id: string; v: number }>`SELECT item_id, max(version) AS v FROM item_versions GROUP BY item_id`.execute(db);
      const lastVersion = new Map(last.map((r) => [r.item_id, Number(r.v)] as const));
      await sql`DELETE FROM items`.execute(db);
      await sql`DELETE FROM sections`.execute(db);
      await this.saveExhibition(bundle.exhibition, at);
      for (const s of bundle.sections) {
        await sql`INSERT INTO sections (id, position, data, updated_at) VALUES (${s.id}, ${s.order}, ${JSON.stringify(s)}, ${at})`.execute(db);
      }
      for (const item of bundle.items) await this.saveItem(item, (lastVersion.get(item.id) ?? 0) + 1, at, savedBy);
    });
  }

  async saveItem(item: Item, version: number, at: string, savedBy: string): Promise<void> {
    const data = JSON.stringify(item);
    // The item and its history entry land together, whether or not the caller opened a transaction.
    await this.storage.transaction(async () => {
      await sql`
        INSERT INTO items (id, section_id, position, published, version, data, updated_at)
        VALUES (${item.id}, ${item.section}, ${item.order}, ${item.published ? 1 : 0}, ${version}, ${data}, ${at})
        ON CONFLICT(id) DO UPDATE SET section_id = excluded.section_id, position = excluded.position, published = excluded.published,
          version = excluded.version, data = excluded.data, updated_at = excluded.updated_at`.execute(this.storage.db);
      await sql`
        INSERT INTO item_versions (item_id, version, data, saved_by, saved_at) VALUES (${item.id}, ${version}, ${data}, ${savedBy}, ${at})`.execute(this.storage.db);
    });
  }

  async deleteItem(id: string, version: number, at: string, savedBy: string): Promise<void> {
    await this.storage.transaction(async () => {
      await sql`DELETE FROM items WHERE id = ${id}`.execute(this.storage.db);
      await sql`
        INSERT INTO item_versions (item_id, version, data, saved_by, saved_at) VALUES (${id}, ${version}, NULL, ${savedBy}, ${at})`.execute(this.storage.db);
    });
  }

  async saveSection(section: Section, version: number, at: string): Promise<void> {
    await sql`
      UPDATE sections SET position = ${section.order}, data = ${JSON.stringify(section)}, version = ${version}, updated_at = ${at}
      WHERE id = ${section.id}`.execute(this.storage.db);
  }

  async saveExhibition(exhibition: Exhibition, at: string): Promise<void> {
    await sql`
      INSERT INTO exhibition (id, data, updated_at) VALUES (1, ${JSON.stringify(exhibition)}, ${at})
      ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`.execute(this.storage.db);
  }

  async history(itemId: string): Promise<ItemVersion[]> {
    const { rows } = await sql<{ version: number; data: string | null; saved_by: string; saved_at: string }>`
      SELECT version, data, saved_by, saved_at FROM item_versions WHERE item_id = ${itemId} ORDER BY version DESC`.execute(this.storage.db);
    return rows.map((r) => ({
      version: r.version,
      savedBy: r.saved_by,
      savedAt: r.saved_at,
      item: r.data === null ? null : ItemSchema.parse(JSON.parse(r.data)),
    }));
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}

/** sha256 over the build and every row's text, each length-prefixed so that no two row lists collide. */
function contentFingerprint(build: string, rows: readonly { data: string }[]): string {
  const hash = createHash('sha256').update(`${build.length}:${build}`);
  for (const { data } of rows) hash.update(`${data.length}:${data}`);
  return hash.digest('hex');
}
