import { randomUUID } from 'node:crypto';
import type { CreateDevice, CreatedDevice, Device, DeviceCommand, DeviceCommandInput, DeviceConfig, Heartbeat } from '../../shared/devices.schema';
import { DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_SCENE_SECONDS } from '../../shared/devices.schema';
import { DEFAULT_LOCALE } from '../../shared/i18n';
import type { Actor, AuditService } from '../audit/audit.service';
import { badRequest, notFound } from '../platform/errors';
import { generateDeviceToken, hashDeviceToken } from './device-tokens';
import type { DeviceRecord, DevicesRepository } from './devices.repository';
import type { DomainEventContext, DomainEventPublisher, DomainEventSource } from '../platform/domain-events';

/**
 * How a connected screen is reached. Its connections are closed by the namespaces themselves when
 * `device.revoked` is published (on every node of a cluster, see devices.socket.ts).
 */
export interface DeviceChannel {
  /** Sends to every open /device connection of the device (on every node); resolves with how many got it. */
  send(deviceId: string, command: DeviceCommand): Promise<number>;
  /** The devices with an open /device connection on any node; undefined: count this node's own (a single node). */
  connectedDevices?(): Promise<ReadonlySet<string>>;
}

export interface DevicesServiceDeps {
  repository: DevicesRepository;
  audit: AuditService;
  /** Told when a screen came, went, reported, was paired or revoked (the console's fleet view, the run of show). */
  bus: DomainEventPublisher & DomainEventSource;
  catalog: { hasSection(sectionId: string): boolean };
  now: () => number;
  channel: DeviceChannel;
  /** What each device counted today (door entries, booth visits), for the console's fleet view. */
  figures: DeviceFigures;
}

export interface DeviceFigures {
  deviceCountsToday(): Promise<Map<string, { visits: number; boothVisits: number }>>;
}

/** Seconds an identified screen shows its name full-screen. */
export const IDENTIFY_SECONDS = 10;

export const toConfig = (d: DeviceRecord): DeviceConfig => ({
  id: d.id,
  name: d.name,
  role: d.role,
  section: d.section,
  idleTimeoutSeconds: d.idleTimeoutSeconds,
  sceneSeconds: d.sceneSeconds,
  locale: d.locale,
});

/** The fleet of paired screens and sensors, and the token check every device request goes through. */
export class DevicesService {
  // Token digest → device, so ingest does not query the database on every post.
  private readonly byTokenHash = new Map<string, DeviceRecord>();
  private readonly openConnections = new Map<string, number>();
  /** Every device, so the run of show, groups and commands check and reach screens without a query. */
  private records = new Map<string, DeviceRecord>();

  constructor(private readonly deps: DevicesServiceDeps) {
    // Another node revoked, created or paired a screen: the fleet is in storage, and a token this
    // node cached may have stopped working (or its device changed).
    const reload = (_: unknown, { origin }: DomainEventContext) => {
      if (origin === 'local') return undefined;
      this.byTokenHash.clear();
      return this.load();
    };
    deps.bus.on('device.revoked', reload);
    deps.bus.on('fleet.changed', (change, context) => (change.cause === 'device' || change.cause === 'pairing' ? reload(change, context) : undefined));
  }

  /** Reads the fleet from storage (at start). */
  async load(): Promise<void> {
    this.records = new Map((await this.deps.repository.list()).map((d) => [d.id, d]));
  }

  async create(input: CreateDevice, actor: Actor): Promise<CreatedDevice & { device: DeviceRecord }> {
    if (input.section !== undefined && !this.deps.catalog.hasSection(input.section)) {
      throw badRequest(`section: unknown section "${input.section}"`, 'validation_failed');
    }
    const token = generateDeviceToken();
    const device: DeviceRecord = {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      section: input.section ?? null,
      idleTimeoutSeconds: input.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
      sceneSeconds: input.sceneSeconds ?? DEFAULT_SCENE_SECONDS,
      locale: input.locale ?? DEFAULT_LOCALE,
      createdAt: new Date(this.deps.now()).toISOString(),
      revokedAt: null,
      lastSeenAt: null,
      onlineSince: null,
      appVersion: null,
      view: null,
      address: null,
    };
    await this.deps.repository.create(device, hashDeviceToken(token), actor.id ?? 'system');
    await this.deps.audit.record(actor, { action: 'device.create', targetType: 'device', targetId: device.id, after: toConfig(device) });
    this.records.set(device.id, device);
    this.deps.bus.publish('fleet.changed', { cause: 'device' });
    return { id: device.id, token, device };
  }

  async list(): Promise<Device[]> {
    const today = await this.deps.figures.deviceCountsToday();
    const records = await this.deps.repository.list();
    this.records = new Map(records.map((d) => [d.id, d]));
    const connected = (await this.deps.channel.connectedDevices?.()) ?? new Set(this.openConnections.keys());
    return records.map((d) => ({
      ...d,
      online: d.revokedAt === null && connected.has(d.id),
      today: today.get(d.id) ?? { visits: 0, boothVisits: 0, exits: 0 },
    }));
  }

  /** The active device holding `token`, or undefined. */
  async authenticate(token: string): Promise<DeviceRecord | undefined> {
    const digest = hashDeviceToken(token);
    const cached = this.byTokenHash.get(digest);
    if (cached) return cached;
    const device = await this.deps.repository.findActiveByTokenHash(digest);
    if (device) this.byTokenHash.set(digest, device);
    return device;
  }

  /** Revokes a device: its token stops working now and its open connections close (the namespaces hear `device.revoked`). */
  async revoke(id: string, actor: Actor): Promise<void> {
    const device = this.activeDevice(id);
    const at = new Date(this.deps.now()).toISOString();
    await this.deps.repository.revoke(id, at);
    await this.deps.audit.record(actor, { action: 'device.revoke', targetType: 'device', targetId: id, before: toConfig(device) });
    this.records.set(id, { ...device, revokedAt: at });
    for (const [digest, cached] of this.byTokenHash) if (cached.id === id) this.byTokenHash.delete(digest);
    this.deps.bus.publish('device.revoked', { deviceId: id });
  }

  /** Sends an operator's command to a screen; returns how many of its connections received it. */
  async command(id: string, input: DeviceCommandInput, actor: Actor): Promise<number> {
    this.activeDevice(id);
    await this.deps.audit.record(actor, { action: `device.command.${input.type}`, targetType: 'device', targetId: id, after: input });
    return this.deliver(id, input);
  }

  /**
   * Sends a command to an active screen without recording it: for a caller that audits the
   * command once itself (a command to a group, a scheduled pin). Returns how many connections got
   * it; 0 for a revoked or unknown screen.
   */
  async deliver(id: string, input: DeviceCommandInput): Promise<number> {
    const device = this.records.get(id);
    if (!device || device.revokedAt) return 0;
    const command: DeviceCommand = input.type === 'identify' ? { type: 'identify', name: device.name, seconds: IDENTIFY_SECONDS } : input;
    return this.deps.channel.send(id, command);
  }

  /** Whether `id` is a paired screen that has not been revoked. */
  isActive(id: string): boolean {
    const device = this.records.get(id);
    return !!device && device.revokedAt === null;
  }

  async connected(id: string, address: string | null): Promise<void> {
    this.openConnections.set(id, (this.openConnections.get(id) ?? 0) + 1);
    await this.deps.repository.recordConnection(id, address, new Date(this.deps.now()).toISOString());
    this.deps.bus.publish('fleet.changed', { cause: 'connection' });
    this.deps.bus.publish('device.connected', { deviceId: id });
  }

  disconnected(id: string): void {
    const left = (this.openConnections.get(id) ?? 1) - 1;
    if (left > 0) this.openConnections.set(id, left);
    else this.openConnections.delete(id);
    this.deps.bus.publish('fleet.changed', { cause: 'connection' });
  }

  async heartbeat(id: string, heartbeat: Heartbeat): Promise<void> {
    await this.deps.repository.recordHeartbeat(id, heartbeat, new Date(this.deps.now()).toISOString());
    if (heartbeat.state) {
      const record = await this.deps.repository.findById(id);
      if (record) this.records.set(id, record);
      if (record) this.deps.bus.publish('device.reported', { device: { ...record, online: record.revokedAt === null && (this.openConnections.get(id) ?? 0) > 0 } });
    }
    this.deps.bus.publish('fleet.changed', { cause: 'heartbeat' });
  }

  private activeDevice(id: string): DeviceRecord {
    const device = this.records.get(id);
    if (!device || device.revokedAt) throw notFound(`No active device with id "${id}"`);
    return device;
  }
}
