import type { Item, Section } from '../../../shared/content.schema';
import type { FieldErrors } from './field-errors';
import { cloneItem, rebaseDraft, sameJson, structuredCloneJson } from './item-form';

/** What stopped the last save: the fields to fix, a conflict, or a message. */
export interface SaveProblem {
  message: string;
  fields: FieldErrors;
  /** Someone saved a newer version after this draft was opened. */
  conflictVersion?: number;
}

/**
 * One item being edited. The form binds to `item` (a deep $state, so inputs can bind to nested
 * fields); `pristine` is the saved version the draft started from, so the console knows what
 * changed, and `baseVersion` goes with the save, so the server can refuse a save based on a stale
 * version instead of silently overwriting someone else's.
 */
export class ItemDraft {
  /** Where the content store keeps it: the item id, or newDraftKey(section) until created. */
  key = '';
  item = $state<Item>() as Item;
  baseVersion = $state(0);
  pristine = $state.raw<Item>() as Item;
  /** Created here and not saved yet (POST instead of PUT). */
  isNew = $state(false);
  saving = $state(false);
  problem = $state.raw<SaveProblem | null>(null);

  readonly dirty = $derived(!sameJson(this.item, this.pristine));

  constructor(item: Item, version: number, isNew = false) {
    this.reset(item, version);
    this.isNew = isNew;
  }

  /** Starts over from a saved version (after a save, a reload or a rollback). */
  reset(item: Item, version: number): void {
    this.item = cloneItem(item);
    this.pristine = cloneItem(item);
    this.baseVersion = version;
    this.isNew = false;
    this.problem = null;
  }

  /** Takes our own save of some other fields (publish switch, order arrows) in, keeping the edits. */
  rebase(saved: Item, version: number): void {
    if (!this.dirty) return this.reset(saved, version);
    this.item = rebaseDraft($state.snapshot(this.item) as Item, this.pristine, saved);
    this.pristine = cloneItem(saved);
    this.baseVersion = version;
  }

  /** The plain item to send (not the reactive proxy). */
  value(): Item {
    return structuredCloneJson($state.snapshot(this.item) as Item);
  }
}

/** A section's title, summary and colour being edited; the same version rule as items. */
export class SectionDraft {
  section = $state<Section>() as Section;
  baseVersion = $state(0);
  pristine = $state.raw<Section>() as Section;
  saving = $state(false);
  problem = $state.raw<SaveProblem | null>(null);
  readonly dirty = $derived(!sameJson(this.section, this.pristine));

  constructor(section: Section, version: number) {
    this.reset(section, version);
  }

  reset(section: Section, version: number): void {
    this.section = structuredCloneJson(section);
    this.pristine = structuredCloneJson(section);
    this.baseVersion = version;
    this.problem = null;
  }

  value(): Section {
    return structuredCloneJson($state.snapshot(this.section) as Section);
  }
}
