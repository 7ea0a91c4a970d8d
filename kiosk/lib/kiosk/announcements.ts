// Types only from the wire contract (its values are built with zod at import time); the rule comes
// from the zod-free shared module.
import type { Announcement } from '../../../shared/announcements.schema';
import { announcementTargets } from '../../../shared/announcements.rules';

/** Whether a kiosk with `deviceId` is among an announcement's audience. */
export function targetsKiosk(a: Pick<Announcement, 'target' | 'deviceId' | 'deviceIds'>, deviceId: string | null): boolean {
  return announcementTargets(a, { kind: 'kiosk', deviceId });
}

/**
 * The announcements this kiosk shows now: those aimed at every screen, at kiosks, or at this
 * device, within their time window by the kiosk's own clock (an offline kiosk must still take an
 * expired notice down). Urgent ones first, then the newest.
 */
export function kioskAnnouncements(all: readonly Announcement[], deviceId: string | null, now: number): Announcement[] {
  return all
    .filter((a) => targetsKiosk(a, deviceId) && Date.parse(a.startsAt) <= now && now < Date.parse(a.expiresAt))
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(b.startsAt) - Date.parse(a.startsAt));
}
