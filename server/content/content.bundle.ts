import type { Exhibition, Item, PublishedSection, Section } from '../../shared/content.schema';

/** The whole exhibition content: what content/ holds and what the database stores. */
export interface ContentBundle {
  exhibition: Exhibition;
  sections: Section[];
  items: Item[];
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);

/** Sections in order, each with its published items in order: what public screens see. */
export function publishedSections(bundle: ContentBundle): PublishedSection[] {
  return [...bundle.sections].sort(byOrder).map((section) => ({
    ...section,
    items: bundle.items.filter((item) => item.section === section.id && item.published).sort(byOrder),
  }));
}

/** Problems that make a bundle unusable even though every file parsed: duplicate ids, dangling sections. */
export function bundleProblems(bundle: ContentBundle): string[] {
  const problems: string[] = [];
  const sectionIds = new Set<string>();
  for (const section of bundle.sections) {
    if (sectionIds.has(section.id)) problems.push(`section id "${section.id}" is used twice`);
    sectionIds.add(section.id);
  }
  const itemIds = new Set<string>();
  for (const item of bundle.items) {
    if (itemIds.has(item.id)) problems.push(`item id "${item.id}" is used twice (item ids are unique across sections)`);
    itemIds.add(item.id);
    if (!sectionIds.has(item.section)) problems.push(`item "${item.id}" names section "${item.section}", which does not exist`);
  }
  if (bundle.sections.length === 0) problems.push('there are no sections');
  return problems;
}
