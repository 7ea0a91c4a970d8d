import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import { bundleProblems, publishedSections, type ContentBundle } from './content.bundle';
import type { ContentRepository } from './content.repository';
import { sanitizeItem } from './rich-text';

export interface ContentServiceDeps {
  repository: ContentRepository;
  now: () => number;
  /** Called after the content changed, so screens receive it at once. */
  onChanged: () => void;
}

/**
 * The exhibition content, kept in memory for fast snapshots and event checks; the database is
 * the source of truth after the first start, content/ only its seed.
 */
export class ContentService {
  private bundle: ContentBundle;
  private published: PublishedSection[];
  private itemSections = new Map<string, string>();

  constructor(
    private readonly deps: ContentServiceDeps,
    seed: () => ContentBundle,
  ) {
    const stored = deps.repository.load();
    if (stored) {
      this.bundle = stored;
    } else {
      this.bundle = seed();
      deps.repository.replaceAll(this.bundle, new Date(deps.now()).toISOString());
    }
    this.published = publishedSections(this.bundle);
    this.index();
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

  hasSection(sectionId: string): boolean {
    return this.bundle.sections.some((s) => s.id === sectionId);
  }

  /** The section an item (published or not) belongs to, or undefined for an unknown item. */
  sectionOf(itemId: string): string | undefined {
    return this.itemSections.get(itemId);
  }

  /** Replaces all content (content:import, later the console), then tells every screen. */
  replaceAll(bundle: ContentBundle): void {
    const problems = bundleProblems(bundle);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const clean = { ...bundle, items: bundle.items.map(sanitizeItem) };
    this.deps.repository.replaceAll(clean, new Date(this.deps.now()).toISOString());
    this.bundle = clean;
    this.published = publishedSections(clean);
    this.index();
    this.deps.onChanged();
  }

  private index(): void {
    this.itemSections = new Map(this.bundle.items.map((item) => [item.id, item.section]));
  }
}
