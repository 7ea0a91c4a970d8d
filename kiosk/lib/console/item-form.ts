import type { EditableContent, Item, Section } from '../../../shared/content.schema';
import type { LocalizedText } from '../../../shared/i18n';

export type EditableItem = EditableContent['items'][number];
export type EditableSection = EditableContent['sections'][number];

/** The item as the API saves it: without the version and save time the editor list carries. */
export function toItem(editable: EditableItem): Item {
  const { version: _version, updatedAt: _updatedAt, ...item } = editable;
  return item;
}

export function toSection(editable: EditableSection): Section {
  const { version: _version, ...section } = editable;
  return section;
}

/** A deep copy that shares nothing with the original, so a draft never edits the list in place. */
export function cloneItem(item: Item): Item {
  return structuredCloneJson(item);
}

export function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const emptyText = (): LocalizedText => ({ 'zh-CN': '', en: '' });

/** A new, unpublished item at the end of a section, for the editor to fill in. */
export function newItem(section: string, order: number, id = ''): Item {
  return {
    id,
    section,
    order,
    published: false,
    title: emptyText(),
    summary: emptyText(),
    body: { 'zh-CN': '<p></p>', en: '<p></p>' },
    facts: [],
    tags: [],
    images: [],
  };
}

/** The items of one section in display order (order, then id, as the server sorts them). */
export function itemsOf<T extends Pick<Item, 'id' | 'section' | 'order'>>(items: readonly T[], sectionId: string): T[] {
  return items.filter((i) => i.section === sectionId).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The next free order number at the end of a section. */
export function nextOrder(items: readonly Pick<Item, 'section' | 'order'>[], sectionId: string): number {
  return items.filter((i) => i.section === sectionId).reduce((max, i) => Math.max(max, i.order + 1), 0);
}

/**
 * Moving one item up (-1) or down (+1) within its section: the new order numbers of the items
 * whose number changes. Orders are renumbered 0…n-1 so that equal or sparse numbers (possible in
 * imported content) still move; usually only the two swapped items change.
 */
export function reorder(items: readonly Pick<Item, 'id' | 'section' | 'order'>[], id: string, direction: -1 | 1): { id: string; order: number }[] {
  const moving = items.find((i) => i.id === id);
  if (!moving) return [];
  const list = itemsOf(items, moving.section);
  const from = list.findIndex((i) => i.id === id);
  const to = from + direction;
  if (to < 0 || to >= list.length) return [];
  const moved = [...list];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved.flatMap((item, order) => (item.order === order ? [] : [{ id: item.id, order }]));
}

/** A slug from a title (for a new item's id): lowercase ASCII words joined by dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export { SLUG_PATTERN } from '../../../shared/slug.rules';

/** Deep equality for JSON data (what items are). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Takes a change this operator made elsewhere (the published switch or the order arrows in the
 * list) into an open draft without losing its edits: every top-level field the draft did not touch
 * takes the saved value, the edited ones stay. Only for our own changes; someone else's save is a
 * conflict the operator must see.
 */
export function rebaseDraft(draft: Item, pristine: Item, saved: Item): Item {
  const next = { ...draft } as Record<keyof Item, unknown>;
  for (const key of Object.keys(saved) as (keyof Item)[]) {
    if (sameJson(draft[key], pristine[key])) next[key] = structuredCloneJson(saved[key]);
  }
  return next as Item;
}
