// Types only from the wire contract (its values are zod schemas); the limit from the zod-free rules.
import type { VisitorEvent } from '../../../shared/events.schema';
import { MAX_DWELL_MS } from '../../../shared/events.rules';
import { uuidV4 } from './uuid';

/**
 * Turns what a visitor does into anonymous interaction events: which section was tapped, which
 * item was opened and for how long it was looked at. Nothing about the person is recorded.
 */
export class InteractionRecorder {
  constructor(
    private readonly record: (event: VisitorEvent) => void,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = uuidV4,
  ) {}

  /**
   * A visitor touched the attract screen: one booth visit, for the section the kiosk is pinned to
   * (or the whole kiosk when it is not pinned). Counted apart from door entries.
   */
  session(section: string | null): void {
    this.emit(section ? { type: 'session', section } : { type: 'session' });
  }

  /** A section tile was tapped. */
  tap(section: string): void {
    this.emit({ type: 'tap', section });
  }

  /** An item page was opened. */
  view(section: string, item: string): void {
    this.emit({ type: 'view', section, item });
  }

  /** An item page was left after `ms` of attention (clamped to what the server accepts). */
  dwell(section: string, item: string, ms: number): void {
    this.emit({ type: 'dwell', section, item, ms: Math.round(Math.min(MAX_DWELL_MS, Math.max(0, ms))) });
  }

  private emit(event: Omit<VisitorEvent, 'id' | 'at'>): void {
    // The time it happened (not when it is sent): an offline kiosk's queue counts in the right bucket.
    this.record({ id: this.newId(), at: new Date(this.now()).toISOString(), ...event });
  }
}
