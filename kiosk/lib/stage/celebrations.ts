import type { LocalizedText } from '../i18n';

/**
 * The queue of full-screen celebration moments on a stage display. Several may come together (a
 * burst of visitors crosses two milestones, two agreements are signed in the same minute); each
 * gets its moment, one after the other.
 *
 * Adding a kind is: a member of `Celebration`, its duration in `CELEBRATION_MS`, and its view in
 * the stage's overlay.
 */

export type Celebration =
  | {
      kind: 'milestone';
      /** Identifies the moment, so one reported twice (e.g. after a reconnect) is celebrated once. */
      key: string;
      visitors: number;
    }
  | {
      /** A signed agreement from the matchmaking sessions. */
      kind: 'deal';
      key: string;
      organisation: LocalizedText;
      country: LocalizedText;
      partner: LocalizedText;
      industry: LocalizedText;
    };

export type CelebrationKind = Celebration['kind'];

/** How long each kind holds the screen. */
export const CELEBRATION_MS: Record<CelebrationKind, number> = { milestone: 6_500, deal: 7_000 };
/** Pause between two celebrations, so they read as two moments. */
export const CELEBRATION_GAP_MS = 700;
/** More waiting than this and the oldest waiting ones are dropped: old news is not worth a queue. */
export const MAX_WAITING = 4;

export interface CelebrationQueue {
  showing: Celebration | null;
  waiting: readonly Celebration[];
  /** Keys already queued or shown, so a repeated report is ignored (bounded: see `enqueue`). */
  seen: readonly string[];
}

export const EMPTY_QUEUE: CelebrationQueue = { showing: null, waiting: [], seen: [] };

const SEEN_LIMIT = 64;

export function enqueue(queue: CelebrationQueue, celebration: Celebration, maxWaiting = MAX_WAITING): CelebrationQueue {
  if (queue.seen.includes(celebration.key)) return queue;
  const waiting = [...queue.waiting, celebration].slice(-maxWaiting);
  return { ...queue, waiting, seen: [...queue.seen, celebration.key].slice(-SEEN_LIMIT) };
}

/** Shows the next waiting celebration (or nothing) in place of the current one. */
export function advance(queue: CelebrationQueue): CelebrationQueue {
  const [next = null, ...rest] = queue.waiting;
  return { ...queue, showing: next, waiting: rest };
}

/** Ends the current celebration without starting the next (the gap between two). */
export function finish(queue: CelebrationQueue): CelebrationQueue {
  return queue.showing ? { ...queue, showing: null } : queue;
}
