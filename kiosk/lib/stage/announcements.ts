import type { Announcement } from '../../../shared/announcements.schema';

/**
 * Whether a stage display shows an announcement: for every screen, for stage displays, or for this
 * very device. The same rule as `announcementTargets` in shared/announcements.schema.ts, for a
 * screen of kind 'stage'; it is repeated here because importing that module builds its zod schemas
 * and would put zod (about 40 KB gzipped) into the stage's bundle. test/unit/stage-announcements.test.ts
 * checks that both agree on every target.
 */
export function targetsStage(a: Pick<Announcement, 'target' | 'deviceId'>, deviceId: string | null): boolean {
  switch (a.target) {
    case 'all':
    case 'stage':
      return true;
    case 'kiosks':
      return false;
    case 'device':
      return deviceId !== null && a.deviceId === deviceId;
  }
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
