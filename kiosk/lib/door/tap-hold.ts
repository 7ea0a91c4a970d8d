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

/** What a door tap records: someone coming in (`visit`) or, at a door that counts both ways, going out (`exit`). */
export type DoorDirection = 'visit' | 'exit';

/**
 * The door counter's undo rule, kept pure. A +1 (or −1 out) is held for `UNDO_MS` before it enters the
 * exactly-once outbox, because once a batch may be in flight it can no longer be taken back
 * safely (the server might store it while the screen says "undone"). Undo takes back the newest
 * held tap; taps whose time is up are released, oldest first, to be queued. Each tap carries its
 * id and the moment of the tap, so an offline door still counts it in the right 10 minutes.
 */
export class TapHold {
  private held: HeldTap[] = [];

  constructor(private readonly undoMs: number = UNDO_MS) {}

  /** Holds a visit (or exit) event; returns it. `section` is the door's section, when it counts for one. */
  tap(now: number, id: string, section: string | null, type: DoorDirection = 'visit'): VisitorEvent {
    const event: VisitorEvent = { id, type, at: new Date(now).toISOString(), ...(section ? { section } : {}) };
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

/** This door's own counts for the day: people in (taps and badges) and, in in/out mode, out. */
export interface DoorTally {
  in: number;
  out: number;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

/**
 * This door's own tally for the day it is on (the device's local day), kept across reloads. A
 * different day starts from zero. Stored as `{day, count, out}` (`count`: the ins, as before
 * in/out existed).
 */
export function tallyFor(stored: string | null, day: string): DoorTally {
  if (!stored) return { in: 0, out: 0 };
  try {
    const parsed = JSON.parse(stored) as { day?: unknown; count?: unknown; out?: unknown };
    return parsed.day === day ? { in: count(parsed.count), out: count(parsed.out) } : { in: 0, out: 0 };
  } catch {
    return { in: 0, out: 0 };
  }
}

/** The stored form of `tally` for `day` (read back by tallyFor). */
export function storedTally(tally: DoorTally, day: string): string {
  return JSON.stringify({ day, count: tally.in, out: tally.out });
}

/** The tally after `event` is counted (`step` 1) or taken back (`step` −1); never below 0. */
export function tallyAfter(tally: DoorTally, event: Pick<VisitorEvent, 'type'>, step: 1 | -1): DoorTally {
  const key = event.type === 'exit' ? 'out' : 'in';
  return { ...tally, [key]: Math.max(0, tally[key] + step) };
}

/** The device's local calendar day, `YYYY-MM-DD`. */
export function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
