import type { Namespace, Socket } from 'socket.io';
import type { LiveClientToServerEvents, LiveServerToClientEvents } from '../../shared/socket-events';
import type { Snapshot } from '../../shared/snapshot.schema';
import type { DevicesService } from '../devices/devices.service';
import type { Metrics } from '../platform/metrics';
import { attachDevice, deviceRoom, type DeviceSocketData } from '../devices/devices.socket';

export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents>;

/**
 * `/live` is public and read-only: anyone may watch. A paired screen may also present its token
 * here, so that revoking it closes this connection too.
 */
export function registerLiveNamespace(live: LiveNamespace, deps: { snapshot: () => Snapshot; devices: DevicesService; metrics: Metrics }): void {
  live.use((socket, next) => attachDevice(socket, deps.devices, { required: false }, next));
  live.on('connection', (socket: Socket<LiveClientToServerEvents, LiveServerToClientEvents>) => {
    deps.metrics.connectedClients.inc({ namespace: '/live' });
    socket.on('disconnect', () => deps.metrics.connectedClients.dec({ namespace: '/live' }));
    const device = (socket.data as DeviceSocketData).device;
    if (device) void socket.join(deviceRoom(device.id));
    socket.emit('snapshot', deps.snapshot());
    socket.on('snapshot:request', (ack: unknown) => {
      // A client chooses its arguments; only a real callback gets an answer.
      if (typeof ack !== 'function') return;
      ack({ ok: true, data: deps.snapshot() });
    });
  });
}
