import type { Device, DeviceCommandInput, PairingApproval, PendingPairing } from '../../../shared/devices.schema';
import type { Reply } from '../../../shared/reply';
import type { Fleet } from '../../../shared/socket-events';
import type { ScreenGroup } from '../../../shared/groups.schema';

export type ChannelStatus = 'connecting' | 'online' | 'offline';

/** What the fleet view can ask of the /console connection; console-socket.ts implements it. */
export interface FleetCommands {
  approve(input: PairingApproval): Promise<Reply<{ id: string }>>;
  command(deviceId: string, command: DeviceCommandInput): Promise<Reply<{ delivered: number }>>;
  revoke(deviceId: string): Promise<Reply<null>>;
}

const notConnected: Reply<never> = { ok: false, error: { code: 'offline', message: 'Not connected to the server; wait for the connection to come back' } };

/**
 * The screens and the codes waiting to be paired, as the /console socket reports them. Only the
 * socket module writes `devices`/`pending`/`status` (through `receive` and `setStatus`);
 * components call the actions, which change the view at once and undo it if the server refuses.
 */
export class FleetStore {
  devices = $state.raw<Device[]>([]);
  pending = $state.raw<PendingPairing[]>([]);
  /** Screen groups ("Hall A kiosks"), with their members. */
  groups = $state.raw<ScreenGroup[]>([]);
  status = $state<ChannelStatus>('connecting');
  loaded = $state(false);

  readonly active = $derived(this.devices.filter((d) => d.revokedAt === null).sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name)));
  readonly revoked = $derived(this.devices.filter((d) => d.revokedAt !== null).sort((a, b) => (b.revokedAt ?? '').localeCompare(a.revokedAt ?? '')));
  readonly onlineCount = $derived(this.active.filter((d) => d.online).length);

  #commands: FleetCommands | null = null;

  attach(commands: FleetCommands | null): void {
    this.#commands = commands;
  }

  receive(fleet: Fleet): void {
    this.devices = fleet.devices;
    this.pending = fleet.pending;
    this.groups = fleet.groups ?? [];
    this.loaded = true;
  }

  /** One screen reported what it shows: only that screen changes (the mirror redraws at once). */
  reported(device: Device): void {
    if (!this.devices.some((d) => d.id === device.id)) return;
    this.devices = this.devices.map((d) => (d.id === device.id ? device : d));
  }

  setStatus(status: ChannelStatus): void {
    this.status = status;
  }

  reset(): void {
    this.devices = [];
    this.pending = [];
    this.groups = [];
    this.loaded = false;
    this.status = 'connecting';
    this.#commands = null;
  }

  /** Approves a code: it leaves the waiting list at once and comes back if the server refuses. */
  async approve(input: PairingApproval): Promise<Reply<{ id: string }>> {
    if (!this.#commands) return notConnected;
    const code = input.code.trim().toUpperCase();
    const waiting = this.pending.find((p) => p.code === code);
    this.pending = this.pending.filter((p) => p.code !== code);
    const reply = await this.#commands.approve({ ...input, code });
    // Only that entry goes back: a fleet push may have replaced the rest meanwhile.
    if (!reply.ok && waiting && !this.pending.some((p) => p.code === code)) this.pending = [waiting, ...this.pending];
    return reply;
  }

  /** Revokes a screen: it leaves the list of active screens at once, and its connections close. */
  async revoke(deviceId: string): Promise<Reply<null>> {
    if (!this.#commands) return notConnected;
    const before = this.device(deviceId);
    const at = new Date().toISOString();
    this.devices = this.devices.map((d) => (d.id === deviceId ? { ...d, revokedAt: at, online: false } : d));
    const reply = await this.#commands.revoke(deviceId);
    if (!reply.ok && before) this.devices = this.devices.map((d) => (d.id === deviceId ? before : d));
    return reply;
  }

  command(deviceId: string, command: DeviceCommandInput): Promise<Reply<{ delivered: number }>> {
    return this.#commands ? this.#commands.command(deviceId, command) : Promise.resolve(notConnected);
  }

  device(id: string): Device | undefined {
    return this.devices.find((d) => d.id === id);
  }

  group(id: string): ScreenGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  /** Takes a group the server just stored (before the next fleet push brings it too). */
  keepGroup(group: ScreenGroup): void {
    this.groups = [...this.groups.filter((g) => g.id !== group.id), group].sort((a, b) => a.name.localeCompare(b.name));
  }

  dropGroup(id: string): void {
    this.groups = this.groups.filter((g) => g.id !== id);
  }
}
