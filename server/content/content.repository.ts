import { ExhibitionSchema, ItemSchema, SectionSchema, type Exhibition, type Item, type ItemVersion, type Section } from '../../shared/content.schema';
import { createHash } from 'node:crypto';
import type { ZodType } from 'zod';
import type { Db } from '../storage/database';
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

export class SqliteContentRepository implements ContentRepository {
  constructor(private readonly db: Db) {}

  async load(memo?: ContentValidationMemo): Promise<ContentBundle | undefined> {
    const row = this.db.prepare<[], { data: string }>('SELECT data FROM exhibition WHERE id = 1').get();
    if (!row) return undefined;
    const sectionRows = this.db.prepare<[], { data: string }>('SELECT data FROM sections ORDER BY position, id').all();
    const itemRows = this.db.prepare<[], { data: string }>('SELECT data FROM items ORDER BY section_id, position, id').all();
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
    const items = new Map(
      this.db
        .prepare<[], { id: string; version: number; updated_at: string }>('SELECT id, version, updated_at FROM items')
        .all()
        .map((r) => [r.id, { version: r.version, updatedAt: r.updated_at }] as const),
    );
    const sections = new Map(this.db.prepare<[], { id: string; version: number }>('SELECT id, version FROM sections').all().map((r) => [r.id, r.version] as const));
    return { items, sections };
  }

  async replaceAll(bundle: ContentBundle, at: string, savedBy: string): Promise<void> {
    const insertSection = this.db.prepare('INSERT INTO sections (id, position, data, updated_at) VALUES (?, ?, ?, ?)');
    const lastVersion = this.db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM item_versions WHERE item_id = ?');
    this.transaction(() => {
      this.db.prepare('DELETE FROM items').run();
      this.db.prepare('DELETE FROM sections').run();
      this.saveExhibition(bundle.exhibition, at);
      for (const s of bundle.sections) insertSection.run(s.id, s.order, JSON.stringify(s), at);
      for (const item of bundle.items) this.saveItem(item, (lastVersion.get(item.id)?.v ?? 0) + 1, at, savedBy);
    });
  }

  async saveItem(item: Item, version: number, at: string, savedBy: string): Promise<void> {
    const data = JSON.stringify(item);
    this.db
      .prepare(
        `INSERT INTO items (id, section_id, position, published, version, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET section_id = excluded.section_id, position = excluded.position, published = excluded.published,
           version = excluded.version, data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(item.id, item.section, item.order, item.published ? 1 : 0, version, data, at);
    this.db.prepare('INSERT INTO item_versions (item_id, version, data, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)').run(item.id, version, data, savedBy, at);
  }

  async deleteItem(id: string, version: number, at: string, savedBy: string): Promise<void> {
    this.db.prepare('DELETE FROM items WHERE id = ?').run(id);
    this.db.prepare('INSERT INTO item_versions (item_id, version, data, saved_by, saved_at) VALUES (?, ?, NULL, ?, ?)').run(id, version, savedBy, at);
  }

  async saveSection(section: Section, version: number, at: string): Promise<void> {
    this.db.prepare('UPDATE sections SET position = ?, data = ?, version = ?, updated_at = ? WHERE id = ?').run(section.order, JSON.stringify(section), version, at, section.id);
  }

  async saveExhibition(exhibition: Exhibition, at: string): Promise<void> {
    this.db
      .prepare('INSERT INTO exhibition (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
      .run(JSON.stringify(exhibition), at);
  }

  async history(itemId: string): Promise<ItemVersion[]> {
    return this.db
      .prepare<[string], { version: number; data: string | null; saved_by: string; saved_at: string }>(
        'SELECT version, data, saved_by, saved_at FROM item_versions WHERE item_id = ? ORDER BY version DESC',
      )
      .all(itemId)
      .map((r) => ({ version: r.version, savedBy: r.saved_by, savedAt: r.saved_at, item: r.data === null ? null : ItemSchema.parse(JSON.parse(r.data)) }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

/** sha256 over the build and every row's text, each length-prefixed so that no two row lists collide. */
function contentFingerprint(build: string, rows: readonly { data: string }[]): string {
  const hash = createHash('sha256').update(`${build.length}:${build}`);
  for (const { data } of rows) hash.update(`${data.length}:${data}`);
  return hash.digest('hex');
}
