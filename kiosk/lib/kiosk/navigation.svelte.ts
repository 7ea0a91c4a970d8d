import type { InteractionRecorder } from './interactions';

/** What the kiosk shows. Views name sections and items by id; the content itself stays in LiveState. */
export type KioskView =
  | { kind: 'attract' }
  | { kind: 'home' }
  | { kind: 'section'; section: string }
  | { kind: 'item'; section: string; item: string };

export const ATTRACT_VIEW: KioskView = { kind: 'attract' };

/** The view as the console shows it in the fleet list ("item:experts/kiryl-piatkevich"). */
export function viewName(view: KioskView): string {
  switch (view.kind) {
    case 'attract':
    case 'home':
      return view.kind;
    case 'section':
      return `section:${view.section}`;
    case 'item':
      return `item:${view.section}/${view.item}`;
  }
}

export interface NavigationDeps {
  /** The section this booth is pinned to (device config), or null for the whole exhibition. */
  pinnedSection: () => string | null;
  recorder: InteractionRecorder;
  now?: () => number;
}

/**
 * Where the visitor is, and the way back. It also records what the visit means for the figures:
 * a tap on a section tile, an item view, and the dwell on an item when the visitor leaves it.
 * Components call these methods; only this class changes the view.
 */
export class KioskNav {
  view = $state.raw<KioskView>(ATTRACT_VIEW);
  /** Views that Back returns to, the most recent last. */
  history = $state.raw<KioskView[]>([]);
  readonly canGoBack = $derived(this.history.length > 0);

  private readonly now: () => number;
  /** When the item on screen was opened, for its dwell time. */
  private itemOpenedAt = 0;

  constructor(private readonly deps: NavigationDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The first view of a visit: the booth's own section when pinned, else the five sections. */
  startView(): KioskView {
    const pinned = this.deps.pinnedSection();
    return pinned ? { kind: 'section', section: pinned } : { kind: 'home' };
  }

  /** A visitor touched attract mode. */
  start(): void {
    this.go(this.startView(), []);
  }

  /** The Home button: back to where a visit starts, with no way "back" from there. */
  home(): void {
    this.go(this.startView(), []);
  }

  /** The five sections, from a booth pinned to one (its "all sections" button). */
  allSections(): void {
    this.go({ kind: 'home' }, this.pushed());
  }

  /** A visitor tapped a section tile. */
  tapSection(section: string): void {
    this.deps.recorder.tap(section);
    this.go({ kind: 'section', section }, this.pushed());
  }

  openItem(section: string, item: string): void {
    this.go({ kind: 'item', section, item }, this.pushed());
  }

  /** The next or previous item of the same section (a swipe): Back still returns to the list. */
  showSibling(section: string, item: string): void {
    this.go({ kind: 'item', section, item }, this.history);
  }

  back(): void {
    const history = this.history;
    if (history.length === 0) return;
    this.go(history[history.length - 1]!, history.slice(0, -1));
  }

  /**
   * The visit is over (idle reset). `lastActivity` is when the visitor last touched the screen: the
   * dwell on an open item ends there, not at the end of the countdown nobody watched.
   */
  reset(lastActivity?: number): void {
    this.go(ATTRACT_VIEW, [], lastActivity);
  }

  /**
   * Steps back from a section or item that no longer exists (an operator unpublished or removed it
   * while a visitor looked at it). No dwell is recorded for it: the server would refuse an event
   * about an item it no longer has.
   */
  reconcile(sections: readonly { id: string; items: readonly { id: string }[] }[]): void {
    const view = this.view;
    if (view.kind !== 'section' && view.kind !== 'item') return;
    const section = sections.find((s) => s.id === view.section);
    if (!section) this.go(this.startView(), [], this.now(), false);
    else if (view.kind === 'item' && !section.items.some((i) => i.id === view.item)) this.go({ kind: 'section', section: section.id }, this.history, this.now(), false);
  }

  private pushed(): KioskView[] {
    return this.view.kind === 'attract' ? [] : [...this.history, this.view];
  }

  private go(next: KioskView, history: KioskView[], leftAt = this.now(), recordDwell = true): void {
    const current = this.view;
    const sameItem = current.kind === 'item' && next.kind === 'item' && current.item === next.item;
    if (current.kind === 'item' && !sameItem && recordDwell) this.deps.recorder.dwell(current.section, current.item, leftAt - this.itemOpenedAt);
    if (next.kind === 'item' && !sameItem) {
      this.itemOpenedAt = this.now();
      this.deps.recorder.view(next.section, next.item);
    }
    this.history = history;
    this.view = next;
  }
}
