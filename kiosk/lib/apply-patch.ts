import type { Patch, Snapshot } from '../../shared/snapshot.schema';

/** The part of a snapshot that patches change; what a screen renders. */
export type LiveData = Pick<Snapshot, 'seq' | 'exhibition' | 'sections' | 'counters' | 'announcements' | 'deals' | 'roadshow'>;

/**
 * What a patch means for a state at `currentSeq`:
 * - `ignored`: it is not newer (a duplicate, or late after a fresh snapshot already included it);
 * - `applied`: it is the very next change;
 * - `gap`: at least one change was missed, so only a fresh snapshot can give a correct state.
 * With no state yet (`currentSeq` null) every patch is a gap: a patch alone is never a whole state.
 */
export type PatchOutcome = 'applied' | 'ignored' | 'gap';

export function patchOutcome(currentSeq: number | null, patchSeq: number): PatchOutcome {
  if (currentSeq === null) return 'gap';
  if (patchSeq <= currentSeq) return 'ignored';
  return patchSeq === currentSeq + 1 ? 'applied' : 'gap';
}

export type PatchResult = { outcome: 'applied'; data: LiveData } | { outcome: 'ignored' | 'gap'; data: LiveData | null };

/**
 * Applies `patch` to `data` without mutating it. Parts the patch does not name keep their
 * references, so a counters patch (up to ten a second) does not make the sections re-render.
 * Each patch carries the latest value of what it names (not a delta), so "apply" is "replace".
 */
export function applyPatch(data: LiveData | null, patch: Patch): PatchResult {
  if (data === null) return { outcome: 'gap', data };
  const outcome = patchOutcome(data.seq, patch.seq);
  if (outcome !== 'applied') return { outcome, data };
  switch (patch.type) {
    case 'counters':
      return { outcome, data: { ...data, seq: patch.seq, counters: patch.counters } };
    case 'content':
      return { outcome, data: { ...data, seq: patch.seq, exhibition: patch.exhibition, sections: patch.sections } };
    case 'announcements':
      return { outcome, data: { ...data, seq: patch.seq, announcements: patch.announcements } };
    case 'deals':
      return { outcome, data: { ...data, seq: patch.seq, deals: patch.deals } };
    case 'roadshow':
      return { outcome, data: { ...data, seq: patch.seq, roadshow: patch.roadshow } };
  }
}

const PATCH_TYPES: ReadonlySet<string> = new Set<Patch['type']>(['counters', 'content', 'announcements', 'deals', 'roadshow']);

/**
 * A cheap shape check for what arrives over the socket. The payload comes from our own server and
 * is typed end to end, so this does not re-validate every field (the zod schemas would more than
 * double the stage bundle); it only keeps a malformed message from corrupting the state's `seq`.
 */
export function looksLikePatch(value: unknown): value is Patch {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, type } = value as { seq?: unknown; type?: unknown };
  return Number.isSafeInteger(seq) && (seq as number) >= 0 && typeof type === 'string' && PATCH_TYPES.has(type);
}

/** The same kind of check for a snapshot: a seq and the parts every screen reads. */
export function looksLikeSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof Snapshot, unknown>>;
  return (
    Number.isSafeInteger(s.seq) &&
    typeof s.exhibition === 'object' &&
    s.exhibition !== null &&
    Array.isArray(s.sections) &&
    typeof s.counters === 'object' &&
    s.counters !== null &&
    Array.isArray(s.announcements)
  );
}
