// The rule of who sees what, from its zod-free home; only types from the wire contract.
import { announcementTargets } from '../../../shared/announcements.rules';
import type { Announcement } from '../../../shared/announcements.schema';

/** Where the phone remembers the announcements the visitor closed. */
export const DISMISSED_KEY = 'showfloor.phone.dismissed.v1';

/**
 * The announcements a phone shows now: those for every screen and those for phones, within their
 * time window by the phone's clock, not closed by the visitor; urgent first, then the newest.
 */
export function phoneAnnouncements(all: readonly Announcement[], dismissed: ReadonlySet<string>, now: number): Announcement[] {
  return all
    .filter((a) => announcementTargets(a, { kind: 'phone' }) && !dismissed.has(a.id) && Date.parse(a.startsAt) <= now && now < Date.parse(a.expiresAt))
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(b.startsAt) - Date.parse(a.startsAt));
}

/** The closed ids from storage (junk: none). */
export function readDismissed(stored: string | null): Set<string> {
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** What to remember: the closed ids that are still live (expired ones need no memory), so the list stays short. */
export function dismissedToStore(dismissed: ReadonlySet<string>, live: readonly Pick<Announcement, 'id'>[]): string {
  return JSON.stringify(live.map((a) => a.id).filter((id) => dismissed.has(id)));
}
