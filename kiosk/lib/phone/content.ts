import type { Item, PublishedSection } from '../../../shared/content.schema';

export interface ItemLookup {
  item: Item;
  section: PublishedSection;
  /** 0-based position among the section's published items. */
  index: number;
  previous: Item | null;
  next: Item | null;
}

/** A section by id, or null (unknown, or removed since the link was made). */
export function findSection(sections: readonly PublishedSection[], id: string): PublishedSection | null {
  return sections.find((section) => section.id === id) ?? null;
}

/**
 * A published item by id, with its section and neighbours, or null. The snapshot only carries
 * published items, so an unpublished one is "not found" like an unknown one: the phone never
 * shows what operators have taken down.
 */
export function findItem(sections: readonly PublishedSection[], id: string): ItemLookup | null {
  for (const section of sections) {
    const index = section.items.findIndex((item) => item.id === id);
    if (index === -1) continue;
    return {
      item: section.items[index]!,
      section,
      index,
      previous: section.items[index - 1] ?? null,
      next: section.items[index + 1] ?? null,
    };
  }
  return null;
}

/** `/media/<src>`: where the server serves content images (uploads first, then the content folder). */
export function mediaUrl(src: string): string {
  return `/media/${encodeURIComponent(src)}`;
}
