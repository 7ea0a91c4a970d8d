/**
 * Run-of-show rules, zod-free: the server's scheduler and the console's day view decide with the
 * same functions which slot holds a screen now and which slots conflict.
 */
export interface SlotLike {
  id: string;
  target: { type: 'device' | 'group'; id: string };
  scene: string;
  startsAt: string;
  endsAt: string;
}

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

/** Pairs of slots that overlap in time on at least one common screen with different scenes. */
export function slotConflicts<S extends SlotLike>(slots: readonly S[], groupMembers: (id: string) => readonly string[] | undefined): Map<string, string[]> {
  const conflicts = new Map<string, string[]>();
  const add = (a: string, b: string) => conflicts.set(a, [...(conflicts.get(a) ?? []), b]);
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i]!;
      const b = slots[j]!;
      const overlap = Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
      if (!overlap || a.scene === b.scene) continue;
      const screens = new Set(slotScreens(a, groupMembers));
      if (!slotScreens(b, groupMembers).some((d) => screens.has(d))) continue;
      add(a.id, b.id);
      add(b.id, a.id);
    }
  }
  return conflicts;
}
