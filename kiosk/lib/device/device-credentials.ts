import type { DeviceConfig } from '../../../shared/devices.schema';

/** What a paired screen remembers across reloads and power cycles. */
export interface DeviceCredentials {
  token: string;
  config: DeviceConfig;
}

const KEY = 'showfloor.device.v1';

/** The stored credentials, or null (unpaired, or storage unreadable). */
export function loadCredentials(storage: Storage = localStorage): DeviceCredentials | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DeviceCredentials>;
    // Storage is ours, but a half-written or older value must not brick the screen.
    if (typeof parsed.token !== 'string' || typeof parsed.config?.id !== 'string') return null;
    return parsed as DeviceCredentials;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: DeviceCredentials, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(credentials));
}

export function clearCredentials(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** The key, for tests that seed a paired screen. */
export const CREDENTIALS_KEY = KEY;
