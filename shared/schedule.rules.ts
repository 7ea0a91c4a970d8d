/**
 * Run-of-show rules, zod-free: the server's scheduler and the console's day view decide with the
 * same functions which slot holds a screen now and which slots conflict.
 */
export interface SlotLike {
  id: string;
  kind?: 'scene-pin';
  target: { type: 'device' | 'group'; id: string };
  scene: string;
  startsAt: string;
  endsAt: string;
}

/** An item published (or unpublished) at `startsAt`. */
export interface PublishLike {
  id: string;
  kind: 'item-publish';
  item: string;
  published: boolean;
  startsAt: string;
}

/**
 * Opposite changes to one item closer than this cross: the day view shows minutes, so which of
 * the two lands last (and whether the item ends up on screens) is decided by seconds the operator
 * cannot see.
 */
export const PUBLISH_CROSSING_MS = 60_000;

/** The screens a slot reaches, given the members of each group. */
export function slotScreens(slot: SlotLike, groupMembers: (id: string) => readonly string[] | undefined): string[] {
  return slot.target.type === 'device' ? [slot.target.id] : [...(groupMembers(slot.target.id) ?? [])];
}

/**
 * The slot that holds `deviceId` at `now`: among the slots running then, the one that started last
 * (a later, more specific plan wins over a long one it interrupts); ties go to the later id.
 */
export function activeSlot<S extends SlotLike>(slots: readonly S[], deviceId: string, now: number, groupMembers: (id: string) => readonly string[] | undefined): S | undefined {
  let best: S | undefined;
  for (const slot of slots) {
    if (Date.parse(slot.startsAt) > now || Date.parse(slot.endsAt) <= now) continue;
    if (!slotScreens(slot, groupMembers).includes(deviceId)) continue;
    if (!best || slot.startsAt > best.startsAt || (slot.startsAt === best.startsAt && slot.id > best.id)) best = slot;
  }
  return best;
}

/**
 * Whether two slots conflict: two scene pins that overlap in time on at least one common screen
 * (a display, or a group and one of its members) with different scenes; or a publish and an
 * unpublish of the same item that cross (less than a minute apart).
 */
export function slotsConflict(a: SlotLike | PublishLike, b: SlotLike | PublishLike, groupMembers: (id: string) => readonly string[] | undefined): boolean {
  if (a.id === b.id) return false;
  if (a.kind === 'item-publish' || b.kind === 'item-publish') {
    if (a.kind !== 'item-publish' || b.kind !== 'item-publish') return false;
    return a.item === b.item && a.published !== b.published && Math.abs(Date.parse(a.startsAt) - Date.parse(b.startsAt)) < PUBLISH_CROSSING_MS;
  }
  const overlap = Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
  if (!overlap || a.scene === b.scene) return false;
  const screens = new Set(slotScreens(a, groupMembers));
  return slotScreens(b, groupMembers).some((d) => screens.has(d));
}

/** For each slot that conflicts with others (see `slotsConflict`), the ids of those others. */
export function slotConflicts<S extends SlotLike | PublishLike>(slots: readonly S[], groupMembers: (id: string) => readonly string[] | undefined): Map<string, string[]> {
  const conflicts = new Map<string, string[]>();
  const add = (a: string, b: string) => conflicts.set(a, [...(conflicts.get(a) ?? []), b]);
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      if (!slotsConflict(slots[i]!, slots[j]!, groupMembers)) continue;
      add(slots[i]!.id, slots[j]!.id);
      add(slots[j]!.id, slots[i]!.id);
    }
  }
  return conflicts;
}

/** The slots among `others` that `candidate` (a slot being added or edited) would conflict with. */
export function conflictsOf(candidate: SlotLike | PublishLike, others: readonly (SlotLike | PublishLike)[], groupMembers: (id: string) => readonly string[] | undefined): string[] {
  return others.filter((o) => slotsConflict(candidate, o, groupMembers)).map((o) => o.id);
}
