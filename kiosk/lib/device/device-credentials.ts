import type { DeviceConfig } from '../../../shared/devices.schema';

/** What a paired screen remembers across reloads and power cycles. */
export interface DeviceCredentials {
  token: string;
  config: DeviceConfig;
}

const KEY = 'showfloor.device.v1';
/**
 * Where the door counter keeps its own: a staff tablet may also have a kiosk or stage open on the
 * same origin, and each app is a device of its own.
 */
export const DOOR_CREDENTIALS_KEY = 'showfloor.door.v1';

/** The stored credentials, or null (unpaired, or storage unreadable). */
export function loadCredentials(storage: Storage = localStorage, key: string = KEY): DeviceCredentials | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DeviceCredentials>;
    // Storage is ours, but a half-written or older value must not brick the screen.
    if (typeof parsed.token !== 'string' || typeof parsed.config?.id !== 'string') return null;
    return parsed as DeviceCredentials;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: DeviceCredentials, storage: Storage = localStorage, key: string = KEY): void {
  storage.setItem(key, JSON.stringify(credentials));
}

export function clearCredentials(storage: Storage = localStorage, key: string = KEY): void {
  storage.removeItem(key);
}

/** The key, for tests that seed a paired screen. */
export const CREDENTIALS_KEY = KEY;
