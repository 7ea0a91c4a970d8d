import type { Namespace, Socket } from 'socket.io';
import { NAMESPACES, type LiveClientToServerEvents, type LiveServerToClientEvents } from '../../shared/socket-events';
import type { DevicesService } from '../devices/devices.service';
import type { BackgroundTasks } from '../platform/background';
import type { Metrics } from '../platform/metrics';
import { bufferedBytes } from '../platform/socket-backpressure';
import { TokenBucket } from '../platform/token-bucket';
import { attachDevice, deviceRoom, type DeviceSocketData } from '../devices/devices.socket';
import type { SharedSnapshot } from './snapshot.cache';
import { isLiveView, type LiveView } from '../../shared/live-views';
import { DEFAULT_ROOM, viewRoom } from './live.broadcaster';

export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents>;

/**
 * `snapshot:request` is for a client that saw a gap, which happens rarely: a few in a row, then
 * about one every ten seconds. A client asking more often is broken or hostile and gets a refusal
 * (it keeps its state and asks again at the next gap), not another 50 KB.
 */
export const SNAPSHOT_REQUEST_BURST = 3;
export const SNAPSHOT_REQUESTS_PER_SECOND = 0.1;
/**
 * While this much is still queued for a socket, the previous answer has not reached it: one
 * snapshot in flight per socket is enough.
 */
const SNAPSHOT_IN_FLIGHT_BYTES = 64 * 1024;

/**
 * The `snapshot` event as socket.io puts it on the wire (protocol v5: type 2 = EVENT, then the
 * namespace, then the JSON array of the event name and its argument). Built from the JSON text
 * shared by every client, so a hall of screens reconnecting costs one serialisation, not one each.
 */
function snapshotPacket(json: string): string {
  return `2${NAMESPACES.live},["snapshot",${json}]`;
}

/**
 * `/live` is public and read-only: anyone may watch. A paired screen may also present its token
 * here, so that revoking it closes this connection too.
 */
export function registerLiveNamespace(
  live: LiveNamespace,
  deps: { snapshots: { current(view: LiveView | null): SharedSnapshot }; devices: DevicesService; metrics: Metrics; now: () => number; tasks: BackgroundTasks },
): void {
  live.use((socket, next) => attachDevice(socket, deps.devices, { required: false }, next));
  live.on('connection', (socket: Socket<LiveClientToServerEvents, LiveServerToClientEvents>) => {
    deps.metrics.connectedClients.inc({ namespace: '/live' });
    socket.on('disconnect', () => deps.metrics.connectedClients.dec({ namespace: '/live' }));
    const device = (socket.data as DeviceSocketData).device;
    if (device) void socket.join(deviceRoom(device.id));
    // What the client shows (auth.view); anything else, or nothing, is the compatible full channel.
    const declared: unknown = (socket.handshake.auth as { view?: unknown } | undefined)?.view;
    const view = isLiveView(declared) ? declared : null;
    // A reconnecting client that holds the current content (auth.contentVersion) gets only the live part.
    const held: unknown = (socket.handshake.auth as { contentVersion?: unknown } | undefined)?.contentVersion;
    const first = deps.tasks.run('live.snapshot', () => {
      const shared = deps.snapshots.current(view);
      return held === shared.snapshot.contentVersion ? shared.liveJson : shared.json;
    });
    // Without a snapshot the client has nothing to apply patches to; it reconnects and tries again.
    if (first === undefined) return void socket.disconnect(true);
    // Joined in the same turn as the snapshot is sent: no patch can fall between the two.
    void socket.join(view ? viewRoom(view) : DEFAULT_ROOM);
    socket.conn.send(snapshotPacket(first));

    const requests = new TokenBucket({ burst: SNAPSHOT_REQUEST_BURST, ratePerSecond: SNAPSHOT_REQUESTS_PER_SECOND, now: deps.now });
    socket.on('snapshot:request', (ack: unknown) => {
      // A client chooses its arguments; only a real callback gets an answer.
      if (typeof ack !== 'function') return;
      const reply = ack as (reply: unknown) => void;
      if (bufferedBytes(socket.conn) > SNAPSHOT_IN_FLIGHT_BYTES) {
        deps.metrics.requestsRefused.inc({ reason: 'snapshot_in_flight' });
        return reply({ ok: false, error: { code: 'busy', message: 'The previous snapshot is still on its way to you' } });
      }
      const taken = requests.take();
      if (!taken.ok) {
        deps.metrics.requestsRefused.inc({ reason: 'snapshot_rate' });
        return reply({ ok: false, error: { code: 'rate_limited', message: `Too many snapshot requests; ask again in ${Math.ceil(taken.retryAfterMs / 1000)} s` } });
      }
      const current = deps.tasks.run('live.snapshot', () => deps.snapshots.current(view).snapshot);
      reply(current ? { ok: true, data: current } : { ok: false, error: { code: 'unavailable', message: 'The snapshot could not be built; ask again later' } });
    });
  });
}
