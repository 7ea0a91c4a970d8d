/**
 * Announcement rules every side needs — the server when it accepts one, the console form when it
 * checks one, the kiosk and the stage when they decide whether to show one — in one zod-free
 * module, so the pages can import them without pulling zod into their bundles.
 */

/** Who sees an announcement. Grows by extension only. */
export const ANNOUNCEMENT_TARGETS = ['all', 'stage', 'kiosks', 'device', 'group', 'phones'] as const;
export type AnnouncementTargetName = (typeof ANNOUNCEMENT_TARGETS)[number];

/** The shortest an announcement may stay up: long enough to read twice. */
export const MIN_ANNOUNCEMENT_MS = 30_000;
/** The longest a timed announcement may stay up: a day of the show ("until withdrawn" has no end). */
export const MAX_ANNOUNCEMENT_MS = 24 * 60 * 60_000;
/**
 * The expiry an announcement "until withdrawn" carries on the wire: far enough never to come, and
 * still an ISO time, so screens that only know `expiresAt` keep showing it until it is withdrawn.
 */
export const UNTIL_WITHDRAWN_EXPIRY = '9999-12-31T23:59:59.999Z';

/** The console's quick choices for how long an announcement stays up, in seconds, then "until withdrawn". */
export const ANNOUNCEMENT_PRESETS_SECONDS = [30, 120, 300, 900] as const;

/** What a screen is, for targeting. */
export interface AnnouncementAudience {
  kind: 'stage' | 'kiosk' | 'phone' | 'console';
  deviceId?: string | null;
}

/** Whether a screen of `kind` (and id) shows an announcement. `all` reaches visitors' phones too. */
export function announcementTargets(a: { target: string; deviceId: string | null; deviceIds?: readonly string[] }, screen: AnnouncementAudience): boolean {
  switch (a.target) {
    case 'all':
      return true;
    case 'stage':
      return screen.kind === 'stage';
    case 'kiosks':
      return screen.kind === 'kiosk';
    case 'device':
      return !!screen.deviceId && screen.deviceId === a.deviceId;
    case 'phones':
      return screen.kind === 'phone';
    case 'group':
      // The server lists the group's members in every message, so a screen needs no group list.
      return !!screen.deviceId && (a.deviceIds ?? []).includes(screen.deviceId);
    default:
      // A target this screen does not know yet (a newer server): not for it.
      return false;
  }
}

/**
 * What is wrong with a timed announcement's window (the message for `expiresAt`), or undefined.
 * Times are epoch milliseconds; the server checks at its clock, the console at its own before sending.
 */
export function announcementWindowProblem(startsAt: number, expiresAt: number, now: number): string | undefined {
  if (expiresAt <= now) return 'must be in the future';
  if (expiresAt <= startsAt) return 'must be after startsAt';
  if (expiresAt - startsAt < MIN_ANNOUNCEMENT_MS) return 'an announcement lasts at least 30 seconds';
  if (expiresAt - startsAt > MAX_ANNOUNCEMENT_MS) return 'an announcement may last at most 24 hours';
  return undefined;
}

export type AnnouncementState = 'scheduled' | 'active' | 'expired' | 'withdrawn';

/** Where an announcement stands at `now`: the server lists it so, and the console recomputes it on time without asking. */
export function announcementState(a: { startsAt: string; expiresAt: string; withdrawnAt: string | null }, now: number): AnnouncementState {
  if (a.withdrawnAt) return 'withdrawn';
  if (Date.parse(a.expiresAt) <= now) return 'expired';
  if (Date.parse(a.startsAt) > now) return 'scheduled';
  return 'active';
}
