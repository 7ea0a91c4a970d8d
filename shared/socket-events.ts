import type { Reply } from './reply';
import type { Patch, Snapshot } from './snapshot.schema';
import type { DeviceCommand, DeviceConfig, Heartbeat } from './devices.schema';

/** Namespace names; the only place they are spelled. */
export const NAMESPACES = { live: '/live', device: '/device' } as const;

/** `/live`: public and read-only. A snapshot on connect, then numbered patches. */
export interface LiveServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
}
export interface LiveClientToServerEvents {
  /** Asked by a client that saw a gap in `seq`. */
  'snapshot:request': (ack: (reply: Reply<Snapshot>) => void) => void;
}

/** `/device`: paired screens, authenticated by their device token in `auth.token`. */
export interface DeviceServerToClientEvents {
  /** Who this screen is and how it should behave; on connect and whenever an operator changes it. */
  'device:config': (config: DeviceConfig) => void;
  'device:command': (command: DeviceCommand) => void;
}
export interface DeviceClientToServerEvents {
  'device:heartbeat': (heartbeat: Heartbeat, ack: (reply: Reply<{ serverTime: string }>) => void) => void;
}
