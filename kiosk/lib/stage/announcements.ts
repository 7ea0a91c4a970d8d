import type { Announcement } from '../../../shared/announcements.schema';
import { announcementTargets } from '../../../shared/announcements.rules';

/**
 * Whether a stage display shows an announcement: the shared rule (zod-free, so zod stays out of
 * the stage's bundle) for a screen of kind 'stage'.
 */
export function targetsStage(a: Pick<Announcement, 'target' | 'deviceId' | 'deviceIds'>, deviceId: string | null): boolean {
  return announcementTargets(a, { kind: 'stage', deviceId });
}

/**
 * The announcements a stage display shows now, urgent ones first, then the newest.
 *
 * The server sends the active set and sends it again when one starts or expires, so while online
 * its list is the truth (whatever this screen's clock says). Offline, no expiry can arrive: `now`
 * is then given, and announcements past their expiry on this screen's clock are dropped, so an
 * old message does not stay up for the rest of the day.
 */
export function stageAnnouncements(list: readonly Announcement[], deviceId: string | null, offlineNow: number | null): Announcement[] {
  return list
    .filter((a) => targetsStage(a, deviceId))
    .filter((a) => offlineNow === null || Date.parse(a.expiresAt) > offlineNow)
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.startsAt.localeCompare(a.startsAt));
}
