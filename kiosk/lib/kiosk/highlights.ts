import type { Item, PublishedSection } from '../../../shared/content.schema';

export interface Highlight {
  section: PublishedSection;
  item: Item;
}

/**
 * The attract loop: one item of each section in turn (first items first), so every section shows
 * within five slides and the loop goes through every item.
 */
export function highlights(sections: readonly PublishedSection[]): Highlight[] {
  const loop: Highlight[] = [];
  const rounds = Math.max(0, ...sections.map((s) => s.items.length));
  for (let round = 0; round < rounds; round++) {
    for (const section of sections) {
      const item = section.items[round];
      if (item) loop.push({ section, item });
    }
  }
  return loop;
}
