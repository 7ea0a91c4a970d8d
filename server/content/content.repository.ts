import { ExhibitionSchema, ItemSchema, SectionSchema } from '../../shared/content.schema';
import type { Db } from '../storage/database';
import type { ContentBundle } from './content.bundle';

export interface ContentRepository {
  /** The stored content, or undefined before the first seed. */
  load(): ContentBundle | undefined;
  /** Replaces all content in one transaction. */
  replaceAll(bundle: ContentBundle, at: string): void;
}

export class SqliteContentRepository implements ContentRepository {
  constructor(private readonly db: Db) {}

  load(): ContentBundle | undefined {
    const row = this.db.prepare<[], { data: string }>('SELECT data FROM exhibition WHERE id = 1').get();
    if (!row) return undefined;
    // Rows were validated when written; parsing again guards against hand edits of the file.
    const exhibition = ExhibitionSchema.parse(JSON.parse(row.data));
    const sections = this.db
      .prepare<[], { data: string }>('SELECT data FROM sections ORDER BY position, id')
      .all()
      .map((r) => SectionSchema.parse(JSON.parse(r.data)));
    const items = this.db
      .prepare<[], { data: string }>('SELECT data FROM items ORDER BY section_id, position, id')
      .all()
      .map((r) => ItemSchema.parse(JSON.parse(r.data)));
    return { exhibition, sections, items };
  }

  replaceAll(bundle: ContentBundle, at: string): void {
    const insertSection = this.db.prepare('INSERT INTO sections (id, position, data, updated_at) VALUES (?, ?, ?, ?)');
    const insertItem = this.db.prepare(
      'INSERT INTO items (id, section_id, position, published, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM items').run();
      this.db.prepare('DELETE FROM sections').run();
      this.db
        .prepare('INSERT INTO exhibition (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
        .run(JSON.stringify(bundle.exhibition), at);
      for (const s of bundle.sections) insertSection.run(s.id, s.order, JSON.stringify(s), at);
      for (const i of bundle.items) insertItem.run(i.id, i.section, i.order, i.published ? 1 : 0, JSON.stringify(i), at);
    })();
  }
}
