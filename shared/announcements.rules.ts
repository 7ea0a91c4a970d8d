// Zod-free, so every page may import it: the rule of who sees an announcement lives here once.
import type { Announcement } from './announcements.schema';

/** Announcement targets; they grow by extension only (`phones` came after the first four). */
export const ANNOUNCEMENT_TARGETS = ['all', 'stage', 'kiosks', 'device', 'phones'] as const;

export type ScreenKind = 'stage' | 'kiosk' | 'phone' | 'console';

/** Whether a screen of `kind` (and id) shows an announcement. `all` reaches visitors' phones too. */
export function announcementTargets(a: Pick<Announcement, 'target' | 'deviceId'>, screen: { kind: ScreenKind; deviceId?: string | null }): boolean {
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
  }
}
