import type { Reply } from './reply';
import type { LiveSnapshot, Patch, Snapshot } from './snapshot.schema';
import type { Device, DeviceCommand, DeviceCommandInput, DeviceConfig, Heartbeat, PairingApproval, PendingPairing } from './devices.schema';
import type { ScreenGroup } from './groups.schema';

/** Namespace names; the only place they are spelled. */
export const NAMESPACES = { live: '/live', device: '/device', console: '/console' } as const;

/** `/live`: public and read-only. A snapshot on connect, then numbered patches. */
export interface LiveServerToClientEvents {
  /** Without exhibition and sections when the client's `auth.contentVersion` is the current one. */
  snapshot: (snapshot: Snapshot | LiveSnapshot) => void;
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

/** The fleet as the console shows it. */
export interface Fleet {
  devices: Device[];
  pending: PendingPairing[];
  /** Screen groups with their members (added later: absent from older servers). */
  groups?: ScreenGroup[];
}

/**
 * `/console`: signed-in staff, authenticated by the session cookie. Every command checks the
 * caller's current role (not only at connect) and answers with a Reply.
 */
export interface ConsoleServerToClientEvents {
  /** The fleet changed (a screen came or went, reported, was paired or revoked). */
  fleet: (fleet: Fleet) => void;
  /** One screen reported what it shows now (sent at once; the fleet push follows within a second). */
  'device:state': (device: Device) => void;
}
export interface ConsoleClientToServerEvents {
  'fleet:get': (ack: (reply: Reply<Fleet>) => void) => void;
  'device:command': (input: { deviceId: string; command: DeviceCommandInput }, ack: (reply: Reply<{ delivered: number }>) => void) => void;
  'device:revoke': (input: { deviceId: string }, ack: (reply: Reply<null>) => void) => void;
  'pairing:approve': (input: PairingApproval, ack: (reply: Reply<{ id: string }>) => void) => void;
  'announcement:withdraw': (input: { id: string }, ack: (reply: Reply<null>) => void) => void;
}
export type ConsoleCommand = keyof ConsoleClientToServerEvents;
