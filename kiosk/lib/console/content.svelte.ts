import { SvelteMap } from 'svelte/reactivity';
import type { EditableContent, Exhibition, Item, ItemVersion, Section } from '../../../shared/content.schema';
import type { Api, ApiError, ApiResult } from './api';
import { fieldErrorsOf } from './field-errors';
import { ItemDraft, SectionDraft, type SaveProblem } from './item-draft.svelte';
import { itemsOf, newItem, nextOrder, reorder, toItem, toSection, type EditableItem, type EditableSection } from './item-form';
import type { UiLanguage } from './lang.svelte';
import type { Notices } from './notices.svelte';

type Saved = { item: Item; version: number };

export interface UploadedImage {
  src: string;
  width: number;
  height: number;
}

/** The key of the draft of a new item in a section (it has no id until it is saved). */
export const newDraftKey = (section: string) => `new:${section}`;

/**
 * Everything the content editor shows: all sections and items, published or not, with versions,
 * and the drafts open in the editor. Changes are optimistic: the list shows them at once and puts
 * the old value back if the server refuses.
 */
export class ContentStore {
  exhibition = $state.raw<Exhibition | null>(null);
  sections = $state.raw<EditableSection[]>([]);
  items = $state.raw<EditableItem[]>([]);
  phase = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  loadError = $state<string | null>(null);
  /** Open drafts by item id (or newDraftKey for a new item): switching items never loses edits. */
  readonly drafts = new SvelteMap<string, ItemDraft>();
  readonly sectionDrafts = new SvelteMap<string, SectionDraft>();
  /** Items with a quick change (publish, move) on its way. */
  readonly busy = new SvelteMap<string, true>();

  readonly sortedSections = $derived([...this.sections].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)));
  readonly unsaved = $derived([...this.drafts.values()].some((d) => d.dirty));

  #refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: Api,
    private readonly notices: Notices,
    private readonly ui: UiLanguage,
  ) {}

  async load(): Promise<boolean> {
    if (this.phase === 'idle' || this.phase === 'error') this.phase = 'loading';
    const result = await this.api.get<EditableContent>('/api/v1/content');
    if (!result.ok) {
      // A failed refresh keeps what is on screen; only a first load shows the error.
      if (this.phase !== 'ready') {
        this.phase = 'error';
        this.loadError = result.error.message;
      }
      return false;
    }
    this.exhibition = result.data.exhibition;
    this.sections = result.data.sections;
    this.items = result.data.items;
    this.phase = 'ready';
    this.loadError = null;
    return true;
  }

  /**
   * Someone changed content (a /live content patch): fetch the editable view again, a moment
   * later, so a burst of saves costs one request. Open drafts keep their edits; an editor that
   * sees a newer version than its draft's base warns before the save would conflict.
   */
  refreshSoon(): void {
    if (this.phase !== 'ready') return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.load(), 250);
  }

  /** Forgets the loaded content (fetched again at the next sign-in) but keeps the drafts. */
  forget(): void {
    clearTimeout(this.#refreshTimer);
    this.exhibition = null;
    this.sections = [];
    this.items = [];
    this.phase = 'idle';
    this.busy.clear();
  }

  /** Forgets everything, drafts included (signing out, or someone else signing in). */
  reset(): void {
    this.forget();
    this.drafts.clear();
    this.sectionDrafts.clear();
  }

  item(id: string): EditableItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  section(id: string): EditableSection | undefined {
    return this.sections.find((s) => s.id === id);
  }

  itemsOf(sectionId: string): EditableItem[] {
    return itemsOf(this.items, sectionId);
  }

  /** The open draft of an item, opened from the saved version when there is none. */
  draft(id: string): ItemDraft | undefined {
    let draft = this.drafts.get(id);
    if (!draft) {
      const item = this.item(id);
      if (!item) return undefined;
      draft = new ItemDraft(toItem(item), item.version);
      draft.key = id;
      this.drafts.set(id, draft);
    }
    return draft;
  }

  newDraft(section: string): ItemDraft {
    const key = newDraftKey(section);
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = new ItemDraft(newItem(section, nextOrder(this.items, section)), 0, true);
      draft.key = key;
      this.drafts.set(key, draft);
    }
    return draft;
  }

  /** Drops the edits of a draft: back to the saved version (or gone, for a new item). */
  discard(key: string): void {
    const draft = this.drafts.get(key);
    const saved = this.item(key);
    if (draft && saved && !draft.isNew) draft.reset(toItem(saved), saved.version);
    else this.drafts.delete(key);
  }

  /** Saves a draft; resolves with the saved item's id, or null when refused (the draft says why). */
  async save(draft: ItemDraft): Promise<string | null> {
    if (draft.saving) return null;
    const value = draft.value();
    draft.saving = true;
    draft.problem = null;
    try {
      if (draft.isNew) return await this.#create(draft, value);
      const previous = this.item(value.id);
      // Optimistic: the list shows the new title or state at once; a refusal puts the old one back.
      if (previous) this.#replace({ ...value, version: previous.version, updatedAt: previous.updatedAt });
      const result = await this.api.put<Saved>(`/api/v1/items/${encodeURIComponent(value.id)}`, { item: value, baseVersion: draft.baseVersion });
      if (!result.ok) {
        if (previous) this.#restore(previous);
        draft.problem = problemOf(result.error);
        if (result.error.status === 409) this.refreshSoon();
        return null;
      }
      this.#accept(result.data);
      draft.reset(result.data.item, result.data.version);
      this.notices.success(this.ui.l(`已保存“${result.data.item.title['zh-CN']}”，屏幕即时更新`, `Saved “${result.data.item.title.en}”; screens update now`));
      return value.id;
    } finally {
      draft.saving = false;
    }
  }

  async #create(draft: ItemDraft, value: Item): Promise<string | null> {
    const result = await this.api.post<Saved>('/api/v1/items', { item: value });
    if (!result.ok) {
      draft.problem = problemOf(result.error);
      return null;
    }
    this.#accept(result.data);
    this.drafts.delete(draft.key);
    draft.reset(result.data.item, result.data.version);
    draft.key = value.id;
    this.drafts.set(value.id, draft);
    this.notices.success(this.ui.l('展项已创建', 'Item created'));
    return value.id;
  }

  /** Fetches the newest saved version into a draft, dropping its edits (after a conflict). */
  async reloadLatest(draft: ItemDraft): Promise<void> {
    const id = draft.item.id;
    if (!(await this.load())) return;
    const saved = this.item(id);
    if (saved) draft.reset(toItem(saved), saved.version);
  }

  /** The published switch in the list: saves only that field, from the saved version. */
  setPublished(id: string, published: boolean): Promise<boolean> {
    return this.#quick(id, (item) => ({ ...item, published }));
  }

  /** Moves an item up or down in its section; several items may get new order numbers. */
  async move(id: string, direction: -1 | 1): Promise<boolean> {
    const changes = reorder(this.items, id, direction);
    if (changes.length === 0) return false;
    const before = this.items;
    this.items = this.items.map((i) => {
      const change = changes.find((c) => c.id === i.id);
      return change ? { ...i, order: change.order } : i;
    });
    for (const change of changes) this.busy.set(change.id, true);
    try {
      for (const change of changes) {
        const saved = before.find((i) => i.id === change.id)!;
        const result = await this.api.put<Saved>(`/api/v1/items/${encodeURIComponent(change.id)}`, {
          item: { ...toItem(saved), order: change.order },
          baseVersion: saved.version,
        });
        if (!result.ok) {
          // Part of a move may have been saved: the server's order is the truth to show.
          this.notices.error(`${this.ui.l('顺序未能保存', 'The new order was not saved')}: ${result.error.message}`);
          this.items = before;
          await this.load();
          return false;
        }
        this.#accept(result.data);
        this.drafts.get(change.id)?.rebase(result.data.item, result.data.version);
      }
      return true;
    } finally {
      for (const change of changes) this.busy.delete(change.id);
    }
  }

  async #quick(id: string, change: (item: Item) => Item): Promise<boolean> {
    const saved = this.item(id);
    if (!saved || this.busy.has(id)) return false;
    const next = change(toItem(saved));
    this.#replace({ ...next, version: saved.version, updatedAt: saved.updatedAt });
    this.busy.set(id, true);
    const result = await this.api.put<Saved>(`/api/v1/items/${encodeURIComponent(id)}`, { item: next, baseVersion: saved.version });
    this.busy.delete(id);
    if (!result.ok) {
      this.#restore(saved);
      this.notices.error(`${this.ui.l('未能保存', 'Not saved')}: ${result.error.message}`);
      if (result.error.status === 409) this.refreshSoon();
      return false;
    }
    this.#accept(result.data);
    this.drafts.get(id)?.rebase(result.data.item, result.data.version);
    return true;
  }

  history(id: string): Promise<ApiResult<{ versions: ItemVersion[] }>> {
    return this.api.get<{ versions: ItemVersion[] }>(`/api/v1/items/${encodeURIComponent(id)}/history`);
  }

  /** Saves an old version again as the newest; the open draft starts over from it. */
  async rollback(id: string, version: number): Promise<ApiError | null> {
    const saved = this.item(id);
    if (!saved) return { status: 404, code: 'not_found', message: `No item "${id}"` };
    const result = await this.api.post<Saved>(`/api/v1/items/${encodeURIComponent(id)}/rollback`, { version, baseVersion: saved.version });
    if (!result.ok) {
      if (result.error.status === 409) this.refreshSoon();
      return result.error;
    }
    this.#accept(result.data);
    this.drafts.get(id)?.reset(result.data.item, result.data.version);
    this.notices.success(this.ui.l(`已恢复到第 ${version} 版（保存为第 ${result.data.version} 版）`, `Rolled back to version ${version} (saved as version ${result.data.version})`));
    return null;
  }

  async delete(id: string): Promise<ApiError | null> {
    const saved = this.item(id);
    if (!saved) return null;
    this.items = this.items.filter((i) => i.id !== id);
    const result = await this.api.delete(`/api/v1/items/${encodeURIComponent(id)}`, { baseVersion: saved.version });
    if (!result.ok) {
      this.items = [...this.items, saved];
      return result.error;
    }
    this.drafts.delete(id);
    this.notices.success(this.ui.l('展项已删除（历史版本仍保留）', 'Item deleted (its history is kept)'));
    return null;
  }

  sectionDraft(id: string): SectionDraft | undefined {
    let draft = this.sectionDrafts.get(id);
    if (!draft) {
      const section = this.section(id);
      if (!section) return undefined;
      draft = new SectionDraft(toSection(section), section.version);
      this.sectionDrafts.set(id, draft);
    }
    return draft;
  }

  async saveSection(draft: SectionDraft): Promise<boolean> {
    if (draft.saving) return false;
    const value = draft.value();
    const previous = this.section(value.id);
    draft.saving = true;
    draft.problem = null;
    if (previous) this.sections = this.sections.map((s) => (s.id === value.id ? { ...value, version: previous.version } : s));
    const result = await this.api.put<{ section: Section; version: number }>(`/api/v1/sections/${encodeURIComponent(value.id)}`, { section: value, baseVersion: draft.baseVersion });
    draft.saving = false;
    if (!result.ok) {
      if (previous) this.sections = this.sections.map((s) => (s.id === value.id ? previous : s));
      draft.problem = problemOf(result.error);
      if (result.error.status === 409) this.refreshSoon();
      return false;
    }
    const { section, version } = result.data;
    this.sections = this.sections.map((s) => (s.id === section.id ? { ...section, version } : s));
    draft.reset(section, version);
    this.notices.success(this.ui.l('板块已保存', 'Section saved'));
    return true;
  }

  async reloadSection(draft: SectionDraft): Promise<void> {
    if (!(await this.load())) return;
    const saved = this.section(draft.section.id);
    if (saved) draft.reset(toSection(saved), saved.version);
  }

  uploadImage(file: File): Promise<ApiResult<UploadedImage>> {
    const form = new FormData();
    form.append('image', file);
    return this.api.post<UploadedImage>('/api/v1/images', form);
  }

  #replace(item: EditableItem): void {
    this.items = this.items.some((i) => i.id === item.id) ? this.items.map((i) => (i.id === item.id ? item : i)) : [...this.items, item];
  }

  /** Puts the saved value back after a refusal, unless a refresh already brought something newer. */
  #restore(previous: EditableItem): void {
    const current = this.item(previous.id);
    if (current && current.version === previous.version) this.#replace(previous);
  }

  #accept(saved: Saved): void {
    const current = this.item(saved.item.id);
    // A refresh may have brought this version (or a newer one) before the answer came.
    if (current && current.version > saved.version) return;
    this.#replace({ ...saved.item, version: saved.version, updatedAt: new Date().toISOString() });
  }
}

export function problemOf(error: ApiError): SaveProblem {
  if (error.status === 409 && error.code === 'conflict') return { message: error.message, fields: {}, conflictVersion: error.currentVersion ?? 0 };
  return { message: error.message, fields: fieldErrorsOf(error) };
}
