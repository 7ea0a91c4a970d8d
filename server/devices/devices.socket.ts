import type { Namespace, Socket } from 'socket.io';
import { HeartbeatSchema } from '../../shared/devices.schema';
import type { DeviceClientToServerEvents, DeviceServerToClientEvents } from '../../shared/socket-events';
import { describeZodError } from '../platform/errors';
import type { BackgroundTasks } from '../platform/background';
import type { Metrics } from '../platform/metrics';
import type { DomainEventSource } from '../platform/domain-events';
import type { DeviceRecord } from './devices.repository';
import { toConfig, type DeviceChannel, type DevicesService } from './devices.service';

export type DeviceNamespace = Namespace<DeviceClientToServerEvents, DeviceServerToClientEvents>;

export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

/**
 * How the devices service reaches a screen over socket.io: its commands on /device. With a cluster
 * adapter (`clustered`), `fetchSockets` and `emit` reach every node, so "delivered" and "online"
 * count the whole cluster; on one node the room's size is the count, as it always was.
 */
export function deviceChannel(devices: DeviceNamespace, options: { clustered: boolean } = { clustered: false }): DeviceChannel {
  const channel: DeviceChannel = {
    send: async (deviceId, command) => {
      const room = deviceRoom(deviceId);
      const reached = options.clustered ? (await devices.in(room).fetchSockets()).length : (devices.adapter.rooms.get(room)?.size ?? 0);
      devices.to(room).emit('device:command', command);
      return reached;
    },
  };
  if (options.clustered) {
    channel.connectedDevices = async () => {
      const sockets = await devices.fetchSockets();
      return new Set(sockets.flatMap((socket) => ((socket.data as DeviceSocketData).device ? [(socket.data as DeviceSocketData).device!.id] : [])));
    };
  }
  return channel;
}

/**
 * A revoked device's connections close (on /device and on /live, where it joined its device room
 * too): on every node, each closing the sockets it holds, since every node hears `device.revoked`.
 */
export function closeRevokedDevices(bus: DomainEventSource, devices: DeviceNamespace, live: Pick<Namespace, 'local'>): () => void {
  return bus.on('device.revoked', ({ deviceId }) => {
    live.local.in(deviceRoom(deviceId)).disconnectSockets(true);
    devices.local.in(deviceRoom(deviceId)).disconnectSockets(true);
  });
}

/** What a socket that presented a device token carries. */
export interface DeviceSocketData {
  device?: DeviceRecord;
}

/** Resolves `auth.token` of a connecting socket to a device and keeps its id in `socket.data`. */
export function attachDevice(socket: Socket, devices: DevicesService, options: { required: boolean }, next: (err?: Error) => void): void {
  const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  if (token === undefined && !options.required) return next();
  if (typeof token !== 'string' || token.length > 200) return next(new Error('unauthorized: send the device token as auth.token'));
  devices.authenticate(token).then(
    (device) => {
      if (!device) return next(new Error('unauthorized: the device token is not valid (revoked or mistyped)'));
      (socket.data as DeviceSocketData).device = device;
      next();
    },
    () => next(new Error('unavailable: the server could not check the token; try again')),
  );
}

/** `/device`: paired screens only. They report heartbeats and receive commands in their room. */
export function registerDeviceNamespace(nsp: DeviceNamespace, deps: { devices: DevicesService; metrics: Metrics; now: () => number; tasks: BackgroundTasks }): void {
  nsp.use((socket, next) => attachDevice(socket, deps.devices, { required: true }, next));
  nsp.on('connection', (socket) => {
    const device = (socket.data as DeviceSocketData).device!;
    const deviceId = device.id;
    void socket.join(deviceRoom(deviceId));
    // Recording the connection writes to the database; on a full disk the screen is still served.
    void deps.tasks.runAsync('device.connected', () => deps.devices.connected(deviceId, socket.handshake.address || null));
    socket.emit('device:config', toConfig(device));
    deps.metrics.connectedClients.inc({ namespace: '/device' });
    socket.on('disconnect', () => {
      deps.tasks.run('device.disconnected', () => deps.devices.disconnected(deviceId));
      deps.metrics.connectedClients.dec({ namespace: '/device' });
    });
    socket.on('device:heartbeat', async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => {};
      const parsed = HeartbeatSchema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: { code: 'validation_failed', message: describeZodError(parsed.error) } });
      const recorded = await deps.tasks.runAsync('device.heartbeat', async () => (await deps.devices.heartbeat(deviceId, parsed.data), true));
      if (!recorded) return reply({ ok: false, error: { code: 'storage_unavailable', message: 'The heartbeat could not be recorded; send the next one as usual' } });
      reply({ ok: true, data: { serverTime: new Date(deps.now()).toISOString() } });
    });
  });
}
