import { randomUUID } from 'node:crypto';
import type { CreateDevice, CreatedDevice, Device, Heartbeat } from '../../shared/devices.schema';
import { badRequest, notFound } from '../platform/errors';
import { generateDeviceToken, hashDeviceToken } from './device-tokens';
import type { DeviceRecord, DevicesRepository } from './devices.repository';

export interface DevicesServiceDeps {
  repository: DevicesRepository;
  hasSection: (sectionId: string) => boolean;
  now: () => number;
  /** Closes every open connection of a device (called on revoke). */
  disconnect: (deviceId: string) => void;
}

/** The fleet of paired screens and sensors, and the token check every device request goes through. */
export class DevicesService {
  // Token digest → device, so ingest does not query the database on every post.
  private readonly byTokenHash = new Map<string, DeviceRecord>();
  private readonly openConnections = new Map<string, number>();

  constructor(private readonly deps: DevicesServiceDeps) {}

  create(input: CreateDevice, createdBy: string): CreatedDevice {
    if (input.section !== undefined && !this.deps.hasSection(input.section)) {
      throw badRequest(`section: unknown section "${input.section}"`, 'validation_failed');
    }
    const token = generateDeviceToken();
    const device: DeviceRecord = {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      section: input.section ?? null,
      createdAt: new Date(this.deps.now()).toISOString(),
      revokedAt: null,
      lastSeenAt: null,
      appVersion: null,
      view: null,
    };
    this.deps.repository.create(device, hashDeviceToken(token), createdBy);
    return { id: device.id, token };
  }

  list(): Device[] {
    return this.deps.repository.list().map((d) => ({ ...d, online: d.revokedAt === null && (this.openConnections.get(d.id) ?? 0) > 0 }));
  }

  /** The active device holding `token`, or undefined. */
  authenticate(token: string): DeviceRecord | undefined {
    const digest = hashDeviceToken(token);
    const cached = this.byTokenHash.get(digest);
    if (cached) return cached;
    const device = this.deps.repository.findActiveByTokenHash(digest);
    if (device) this.byTokenHash.set(digest, device);
    return device;
  }

  /** Revokes a device: its token stops working now and its open connections are closed. */
  revoke(id: string): void {
    const device = this.deps.repository.findById(id);
    if (!device) throw notFound(`No device with id "${id}"`);
    this.deps.repository.revoke(id, new Date(this.deps.now()).toISOString());
    for (const [digest, cached] of this.byTokenHash) if (cached.id === id) this.byTokenHash.delete(digest);
    this.deps.disconnect(id);
  }

  connected(id: string): void {
    this.openConnections.set(id, (this.openConnections.get(id) ?? 0) + 1);
  }

  disconnected(id: string): void {
    const left = (this.openConnections.get(id) ?? 1) - 1;
    if (left > 0) this.openConnections.set(id, left);
    else this.openConnections.delete(id);
  }

  heartbeat(id: string, heartbeat: Heartbeat): void {
    this.deps.repository.recordHeartbeat(id, heartbeat, new Date(this.deps.now()).toISOString());
  }
}
