// Types only from the wire contract (its values are zod schemas).
import type { VisitorEvent } from '../../../shared/events.schema';

/** How long a tap can still be taken back before it goes into the outbox. */
export const UNDO_MS = 5_000;

/** A tap that is counted on screen but not yet committed to the outbox. */
export interface HeldTap {
  event: VisitorEvent;
  /** When it stops being undoable and goes to the outbox (ms since the epoch). */
  commitAt: number;
}

/**
 * The door counter's undo rule, kept pure. A +1 is held for `UNDO_MS` before it enters the
 * exactly-once outbox, because once a batch may be in flight it can no longer be taken back
 * safely (the server might store it while the screen says "undone"). Undo takes back the newest
 * held tap; taps whose time is up are released, oldest first, to be queued. Each tap carries its
 * id and the moment of the tap, so an offline door still counts it in the right 10 minutes.
 */
export class TapHold {
  private held: HeldTap[] = [];

  constructor(private readonly undoMs: number = UNDO_MS) {}

  /** Holds a visit event; returns it. `section` is the door's section, when it counts for one. */
  tap(now: number, id: string, section: string | null): VisitorEvent {
    const event: VisitorEvent = { id, type: 'visit', at: new Date(now).toISOString(), ...(section ? { section } : {}) };
    this.held.push({ event, commitAt: now + this.undoMs });
    return event;
  }

  /** Takes back the newest held tap; null when there is none left to undo. */
  undo(): VisitorEvent | null {
    return this.held.pop()?.event ?? null;
  }

  /** The taps whose undo window has passed, oldest first; they leave the hold. */
  release(now: number): VisitorEvent[] {
    const due = this.held.filter((h) => h.commitAt <= now);
    this.held = this.held.filter((h) => h.commitAt > now);
    return due.map((h) => h.event);
  }

  /** Every held tap, at once (the page is being hidden or closed: keep them rather than lose them). */
  releaseAll(): VisitorEvent[] {
    const all = this.held.map((h) => h.event);
    this.held = [];
    return all;
  }

  get size(): number {
    return this.held.length;
  }

  /** When the newest held tap stops being undoable, or null. */
  get undoUntil(): number | null {
    return this.held.at(-1)?.commitAt ?? null;
  }
}

/**
 * This door's own tally for the day it is on (the device's local day), kept across reloads. A
 * different day starts from zero.
 */
export function tallyFor(stored: string | null, day: string): number {
  if (!stored) return 0;
  try {
    const parsed = JSON.parse(stored) as { day?: unknown; count?: unknown };
    return parsed.day === day && typeof parsed.count === 'number' && parsed.count >= 0 ? parsed.count : 0;
  } catch {
    return 0;
  }
}

/** The device's local calendar day, `YYYY-MM-DD`. */
export function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
