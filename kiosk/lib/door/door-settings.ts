/**
 * How a door counter counts, set on the door itself by the staff holding it (the way clicker and
 * door-counting apps keep it: a setting of the device, not of the hall), and kept on the device.
 *
 * - `mode`: `in` counts people coming in (one +1 button, the default); `in-out` also counts people
 *   leaving (进 In / 出 Out), so the screens can show who is on site now;
 * - `scanBadges`: the camera reads visitors' badges, each counted at most once a day.
 */
export const DOOR_MODES = ['in', 'in-out'] as const;
export type DoorMode = (typeof DOOR_MODES)[number];

export interface DoorSettings {
  mode: DoorMode;
  scanBadges: boolean;
}

export const DEFAULT_DOOR_SETTINGS: Readonly<DoorSettings> = { mode: 'in', scanBadges: false };

/** The stored settings, each field that is missing or not understood at its default. */
export function parseDoorSettings(stored: string | null): DoorSettings {
  let parsed: { mode?: unknown; scanBadges?: unknown } = {};
  try {
    parsed = (stored ? JSON.parse(stored) : {}) as typeof parsed;
  } catch {
    // A half-written value must not stop the door: the defaults count.
  }
  if (typeof parsed !== 'object' || parsed === null) parsed = {};
  return {
    mode: (DOOR_MODES as readonly unknown[]).includes(parsed.mode) ? (parsed.mode as DoorMode) : DEFAULT_DOOR_SETTINGS.mode,
    scanBadges: typeof parsed.scanBadges === 'boolean' ? parsed.scanBadges : DEFAULT_DOOR_SETTINGS.scanBadges,
  };
}
