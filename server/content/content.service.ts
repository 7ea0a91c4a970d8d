import type { EditableContent, Exhibition, Item, ItemVersion, PublishedSection, Section } from '../../shared/content.schema';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError, badRequest, notFound } from '../platform/errors';
import { bundleProblems, publishedSections, type ContentBundle } from './content.bundle';
import type { ContentRepository, ContentValidationMemo, ContentVersions } from './content.repository';
import { sanitizeItemOrThrow } from './rich-text';
import type { DomainEventPublisher, DomainEventSource } from '../platform/domain-events';
import pLimit from 'p-limit';

export interface ContentServiceDeps {
  repository: ContentRepository;
  audit: AuditService;
  now: () => number;
  /** Told after the content changed, so screens receive it at once; tells it when another node changed it. */
  bus: DomainEventPublisher & DomainEventSource;
  /** Lets a start skip re-validating stored content this build already validated (compiled server only). */
  validationMemo?: ContentValidationMemo;
}

const SYSTEM: Actor = { id: null, username: 'system' };

/**
 * The exhibition content, kept in memory for fast snapshots and event checks; the database is
 * the source of truth after the first start, content/ only its seed. Every save of an item is a
 * new version; a save based on an older version is refused as a conflict, never merged silently.
 */
export class ContentService {
  private bundle: ContentBundle = { exhibition: undefined as unknown as Exhibition, sections: [], items: [] };
  /** Writes run one at a time: a version check and the save it guards must not interleave with another save. */
  private readonly writes = pLimit(1);
  private published: PublishedSection[] = [];
  private itemSections = new Map<string, string>();
  private versions: ContentVersions = { items: new Map(), sections: new Map() };

  constructor(
    private readonly deps: ContentServiceDeps,
    private readonly seed: () => ContentBundle,
  ) {
    // Another node saved: what it saved is in storage, not here. Queued with the writes, so a save
    // of this node checks its version against the reloaded content.
    deps.bus.on('content.changed', (_, { origin }) => (origin === 'remote' ? this.writes(() => this.load()) : undefined));
  }

  /** Reads the stored content, or stores the seed on the very first start. */
  async load(): Promise<void> {
    const stored = await this.deps.repository.load(this.deps.validationMemo);
    if (stored) {
      this.bundle = stored;
    } else {
      this.bundle = this.seed();
      await this.deps.repository.replaceAll(this.bundle, this.nowIso(), 'seed');
    }
    await this.refresh();
  }

  exhibition(): Exhibition {
    return this.bundle.exhibition;
  }

  publishedSections(): PublishedSection[] {
    return this.published;
  }

  all(): ContentBundle {
    return this.bundle;
  }

  /** Everything with versions, for the console's editor. */
  editable(): EditableContent {
    return {
      exhibition: this.bundle.exhibition,
      sections: this.bundle.sections.map((s) => ({ ...s, version: this.versions.sections.get(s.id) ?? 1 })),
      items: this.bundle.items.map((i) => ({ ...i, ...(this.versions.items.get(i.id) ?? { version: 1, updatedAt: '' }) })),
    };
  }

  hasSection(sectionId: string): boolean {
    return this.bundle.sections.some((s) => s.id === sectionId);
  }

  hasItem(itemId: string): boolean {
    return this.bundle.items.some((i) => i.id === itemId);
  }

  /** Publishes or unpublishes an item as `actor` (the run of show does this at a slot's time). */
  setPublished(itemId: string, published: boolean, actor: Actor): Promise<void> {
    return this.writes(async () => {
      const current = this.editable().items.find((i) => i.id === itemId);
      if (!current || current.published === published) return;
      const { version, updatedAt: _updatedAt, ...item } = current;
      await this.store({ ...item, published }, version + 1, actor, 'item.update', this.existingItem(itemId));
    });
  }

  /** The section an item (published or not) belongs to, or undefined for an unknown item. */
  sectionOf(itemId: string): string | undefined {
    return this.itemSections.get(itemId);
  }

  /** Replaces all content (content:import), then tells every screen. */
  replaceAll(bundle: ContentBundle, actor: Actor = SYSTEM): Promise<void> {
    const problems = bundleProblems(bundle);
    if (problems.length > 0) throw badRequest(problems.join('; '), 'validation_failed');
    const clean = { ...bundle, items: bundle.items.map((item, i) => sanitizeItemOrThrow(item, `items[${i}].`)) };
    return this.writes(async () => {
      await this.deps.repository.transaction(async () => {
        await this.deps.repository.replaceAll(clean, this.nowIso(), actor.username);
        await this.deps.audit.record(actor, { action: 'content.replace', targetType: 'content', after: { sections: clean.sections.length, items: clean.items.length } });
      });
      this.bundle = clean;
      await this.changed();
    });
  }

  createItem(item: Item, actor: Actor): Promise<{ item: Item; version: number }> {
    return this.writes(async () => {
      if (this.itemSections.has(item.id)) throw new AppError(409, 'exists', `id: an item "${item.id}" already exists`);
      const version = ((await this.deps.repository.history(item.id))[0]?.version ?? 0) + 1;
      return this.store(item, version, actor, 'item.create', null);
    });
  }

  /** Saves an edit made on `baseVersion`; refuses it when someone saved a newer version meanwhile. */
  saveItem(id: string, item: Item, baseVersion: number, actor: Actor): Promise<{ item: Item; version: number }> {
    if (item.id !== id) throw badRequest(`item.id: must be "${id}" (ids cannot change)`, 'validation_failed');
    return this.writes(() => {
      const before = this.existingItem(id);
      const version = this.checkVersion(id, baseVersion);
      return this.store(item, version + 1, actor, 'item.update', before);
    });
  }

  /** Saves an old version again as the newest one (history is never rewritten). */
  rollbackItem(id: string, toVersion: number, baseVersion: number, actor: Actor): Promise<{ item: Item; version: number }> {
    return this.writes(async () => {
      const before = this.existingItem(id);
      const version = this.checkVersion(id, baseVersion);
      const target = (await this.deps.repository.history(id)).find((v) => v.version === toVersion);
      if (!target?.item) throw notFound(`version: item "${id}" has no version ${toVersion} with content`);
      return this.store(target.item, version + 1, actor, 'item.rollback', before, { fromVersion: toVersion });
    });
  }

  deleteItem(id: string, baseVersion: number, actor: Actor): Promise<void> {
    return this.writes(async () => {
      const before = this.existingItem(id);
      const version = this.checkVersion(id, baseVersion);
      await this.deps.repository.transaction(async () => {
        await this.deps.repository.deleteItem(id, version + 1, this.nowIso(), actor.username);
        await this.deps.audit.record(actor, { action: 'item.delete', targetType: 'item', targetId: id, before });
      });
      this.bundle = { ...this.bundle, items: this.bundle.items.filter((i) => i.id !== id) };
      await this.changed();
    });
  }

  async history(id: string): Promise<ItemVersion[]> {
    const history = await this.deps.repository.history(id);
    if (history.length === 0) throw notFound(`No item "${id}"`);
    return history;
  }

  saveSection(id: string, section: Section, baseVersion: number, actor: Actor): Promise<{ section: Section; version: number }> {
    if (section.id !== id) throw badRequest(`section.id: must be "${id}" (ids cannot change)`, 'validation_failed');
    return this.writes(async () => {
      const before = this.bundle.sections.find((s) => s.id === id);
      if (!before) throw notFound(`No section "${id}"`);
      const current = this.versions.sections.get(id) ?? 1;
      if (baseVersion !== current) throw conflict(`section "${section.title.en}"`, current);
      await this.deps.repository.transaction(async () => {
        await this.deps.repository.saveSection(section, current + 1, this.nowIso());
        await this.deps.audit.record(actor, { action: 'section.update', targetType: 'section', targetId: id, before, after: section });
      });
      this.bundle = { ...this.bundle, sections: this.bundle.sections.map((s) => (s.id === id ? section : s)) };
      await this.changed();
      return { section, version: current + 1 };
    });
  }

  saveExhibition(exhibition: Exhibition, actor: Actor): Promise<Exhibition> {
    return this.writes(async () => {
      await this.deps.repository.transaction(async () => {
        await this.deps.repository.saveExhibition(exhibition, this.nowIso());
        await this.deps.audit.record(actor, { action: 'exhibition.update', targetType: 'exhibition', before: this.bundle.exhibition, after: exhibition });
      });
      this.bundle = { ...this.bundle, exhibition };
      await this.changed();
      return exhibition;
    });
  }

  /** Stores one item version with its audit entry (inside `writes`, after the version check). */
  private async store(item: Item, version: number, actor: Actor, action: string, before: Item | null, extra: Record<string, unknown> = {}): Promise<{ item: Item; version: number }> {
    if (!this.hasSection(item.section)) throw badRequest(`item.section: unknown section "${item.section}"`, 'validation_failed');
    const clean = sanitizeItemOrThrow(item, 'item.');
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.saveItem(clean, version, this.nowIso(), actor.username);
      await this.deps.audit.record(actor, { action, targetType: 'item', targetId: item.id, before, after: { ...clean, version, ...extra } });
    });
    const others = this.bundle.items.filter((i) => i.id !== item.id);
    this.bundle = { ...this.bundle, items: [...others, clean] };
    await this.changed();
    return { item: clean, version };
  }

  private existingItem(id: string): Item {
    const item = this.bundle.items.find((i) => i.id === id);
    if (!item) throw notFound(`No item "${id}"`);
    return item;
  }

  private checkVersion(id: string, baseVersion: number): number {
    const current = this.versions.items.get(id)?.version ?? 1;
    if (baseVersion !== current) throw conflict(`"${this.existingItem(id).title.en}"`, current);
    return current;
  }

  private async changed(): Promise<void> {
    await this.refresh();
    this.deps.bus.publish('content.changed', {});
  }

  private async refresh(): Promise<void> {
    this.versions = await this.deps.repository.versions();
    this.published = publishedSections(this.bundle);
    this.itemSections = new Map(this.bundle.items.map((item) => [item.id, item.section]));
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

function conflict(what: string, currentVersion: number): AppError {
  return new AppError(409, 'conflict', `Someone else saved ${what} after you opened it (now version ${currentVersion}); reload it, then make your change again`, {
    currentVersion,
  });
}
