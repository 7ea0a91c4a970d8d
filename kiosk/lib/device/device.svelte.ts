import type { DeviceConfig } from '../../../shared/devices.schema';

export type DevicePhase = 'unpaired' | 'paired';
export type DeviceConnection = 'connecting' | 'online' | 'offline';

/**
 * Who this screen is: unpaired (showing a pairing code) or paired (with its name and settings).
 * Only device-client.ts writes it; components read it.
 */
export class DeviceState {
  phase = $state<DevicePhase>('unpaired');
  /** The code to show while waiting for an operator; null while none is issued (or paired). */
  pairing = $state<{ code: string; expiresAt: string } | null>(null);
  config = $state.raw<DeviceConfig | null>(null);
  /** Set by an `identify` command: the name to show full-screen until `until` (ms since the epoch). */
  identify = $state<{ name: string; until: number } | null>(null);
  connection = $state<DeviceConnection>('connecting');
}
