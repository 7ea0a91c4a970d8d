import type { LiveSnapshot, Patch, Snapshot } from '../../shared/snapshot.schema';
import { applyDelta, looksLikeDelta } from '../../shared/json-delta.rules';

/** The part of a snapshot that patches change; what a screen renders. */
export type LiveData = Pick<Snapshot, 'seq' | 'exhibition' | 'sections' | 'counters' | 'announcements' | 'deals' | 'roadshow'> & {
  /** The version of `exhibition` and `sections` (absent in states saved by older pages). */
  contentVersion?: string;
};

/**
 * What a patch means for a state at `currentSeq`:
 * - `ignored`: it is not newer (a duplicate, or late after a fresh snapshot already included it);
 * - `applied`: it is the very next change;
 * - `gap`: at least one change was missed, so only a fresh snapshot can give a correct state.
 * With no state yet (`currentSeq` null) every patch is a gap: a patch alone is never a whole state.
 *
 * A patch sent to a declared view names `prev`, the previous patch of that view: the view skips
 * patches (a phone gets counters once a second), and the patch carries everything the view saw
 * change after `prev`, so it applies to any state from `prev` on.
 */
export type PatchOutcome = 'applied' | 'ignored' | 'gap';

export function patchOutcome(currentSeq: number | null, patchSeq: number, prev?: number): PatchOutcome {
  if (currentSeq === null) return 'gap';
  if (patchSeq <= currentSeq) return 'ignored';
  if (prev !== undefined) return prev <= currentSeq ? 'applied' : 'gap';
  return patchSeq === currentSeq + 1 ? 'applied' : 'gap';
}

export type PatchResult = { outcome: 'applied'; data: LiveData } | { outcome: 'ignored' | 'gap'; data: LiveData | null };

/**
 * Applies `patch` to `data` without mutating it. Parts the patch does not name keep their
 * references, so a counters patch (up to ten a second) does not make the sections re-render.
 * Each patch carries the latest value of what it names, so "apply" is "replace": the whole part, or
 * for `counters:delta` the paths it names (shared/json-delta.rules.ts).
 */
export function applyPatch(data: LiveData | null, patch: Patch): PatchResult {
  if (data === null) return { outcome: 'gap', data };
  const outcome = patchOutcome(data.seq, patch.seq, patch.prev);
  if (outcome !== 'applied') return { outcome, data };
  switch (patch.type) {
    case 'counters':
      return { outcome, data: { ...data, seq: patch.seq, counters: patch.counters } };
    case 'counters:delta':
      return { outcome, data: { ...data, seq: patch.seq, counters: applyDelta(data.counters, patch.changes) } };
    case 'content':
      return { outcome, data: { ...data, seq: patch.seq, contentVersion: patch.contentVersion, exhibition: patch.exhibition, sections: patch.sections } };
    case 'announcements':
      return { outcome, data: { ...data, seq: patch.seq, announcements: patch.announcements } };
    case 'deals':
      return { outcome, data: { ...data, seq: patch.seq, deals: patch.deals } };
    case 'roadshow':
      return { outcome, data: { ...data, seq: patch.seq, roadshow: patch.roadshow } };
  }
}

const PATCH_TYPES: ReadonlySet<string> = new Set<Patch['type']>(['counters', 'counters:delta', 'content', 'announcements', 'deals', 'roadshow']);

/**
 * A cheap shape check for what arrives over the socket. The payload comes from our own server and
 * is typed end to end, so this does not re-validate every field (the zod schemas would more than
 * double the stage bundle); it only keeps a malformed message from corrupting the state's `seq`.
 */
export function looksLikePatch(value: unknown): value is Patch {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, prev, type, changes } = value as { seq?: unknown; prev?: unknown; type?: unknown; changes?: unknown };
  if (!(Number.isSafeInteger(seq) && (seq as number) >= 0 && typeof type === 'string' && PATCH_TYPES.has(type))) return false;
  if (prev !== undefined && !(Number.isSafeInteger(prev) && (prev as number) >= 0 && (prev as number) < (seq as number))) return false;
  // A delta is applied path by path: its paths are checked so a malformed one cannot reach the state.
  return type !== 'counters:delta' || (prev !== undefined && looksLikeDelta(changes));
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

/** The check for a snapshot sent without its content (the client said it holds `contentVersion`). */
export function looksLikeLiveSnapshot(value: unknown): value is LiveSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof Snapshot, unknown>>;
  return Number.isSafeInteger(s.seq) && typeof s.contentVersion === 'string' && typeof s.counters === 'object' && s.counters !== null && Array.isArray(s.announcements);
}

/**
 * A whole snapshot from one the server sent, completed with the content this screen holds when
 * the server left it out. Null when it cannot be completed (the content held is not that version):
 * the screen must ask for a full snapshot.
 */
export function completeSnapshot(received: unknown, held: LiveData | null): Snapshot | null {
  if (looksLikeSnapshot(received)) return received;
  if (!looksLikeLiveSnapshot(received) || held === null || held.contentVersion !== received.contentVersion) return null;
  return { ...received, exhibition: held.exhibition, sections: held.sections };
}
