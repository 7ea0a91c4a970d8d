import type { Server as SocketServer } from 'socket.io';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { TokenBucket } from './token-bucket';

/** What engine.io keeps for one connection that we look at (not all of it is in its public types). */
interface EngineConnection {
  id: string;
  writeBuffer: { data?: unknown }[];
  transport?: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): void;
}

export interface BackpressureLimits {
  /** Bytes waiting for one client (engine buffer + websocket buffer) before it is cut off. */
  maxBufferedBytes: number;
  /** Packets waiting for one client before it is cut off (many tiny packets cost too). */
  maxBufferedPackets: number;
}

/**
 * Messages a client may send: a burst, then a steady rate. Screens send a heartbeat every 15 s and
 * a snapshot request now and then, an operator's console a few commands a second at most; every
 * message costs the server a parse and a handler, so a client sending far more is cut off.
 */
export const INBOUND_MESSAGE_BURST = 50;
export const INBOUND_MESSAGES_PER_SECOND = 20;

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Bytes the server holds for one connection: packets engine.io has not handed to the transport
 * yet (a polling client that does not poll, or a websocket still writing the previous batch) plus
 * what the websocket has queued but the kernel has not taken (a client that stops reading).
 */
export function bufferedBytes(connection: unknown): number {
  const conn = connection as EngineConnection;
  let bytes = 0;
  for (const packet of conn.writeBuffer ?? []) bytes += sizeOf(packet.data);
  if (conn.transport?.name === 'websocket') bytes += conn.transport.socket?.bufferedAmount ?? 0;
  return bytes;
}

/** Closes a connection at once, dropping what is queued for it (a graceful close would wait for it). */
function cutOff(conn: EngineConnection): void {
  const socket = conn.transport?.socket;
  // ws.close() sends a close frame behind the queued data and waits up to 30 s; terminate() frees it now.
  if (conn.transport?.name === 'websocket' && socket?.terminate) socket.terminate();
  else conn.close(true);
}

/**
 * Bounds what any client can make the server hold. A socket that stops reading (or asks for more
 * than it reads) would otherwise grow the process without limit; past the limit it is cut off. Its
 * client reconnects like after any network blip and starts again from a fresh snapshot, which is
 * exactly what a screen that fell that far behind needs anyway.
 *
 * A sweep every `intervalMs` is enough because what one client can add between two sweeps is
 * itself bounded (patches are rate-limited, snapshot requests are rate-limited per socket).
 */
export function guardBackpressure(io: SocketServer, deps: { limits: BackpressureLimits; metrics: Metrics; logger: Logger; now: () => number; intervalMs?: number }): () => void {
  const { limits, metrics, logger } = deps;
  io.engine.on('connection', (connection: unknown) => {
    const conn = connection as EngineConnection & { on(event: 'packet', listener: (packet: { type: string }) => void): void };
    const inbound = new TokenBucket({ burst: INBOUND_MESSAGE_BURST, ratePerSecond: INBOUND_MESSAGES_PER_SECOND, now: deps.now });
    let cut = false;
    conn.on('packet', (packet) => {
      if (cut || packet.type !== 'message' || inbound.take().ok) return;
      cut = true;
      metrics.floodingClientsCut.inc();
      logger.warn({ connection: conn.id }, 'cut off a client that sends more messages than any screen or console does');
      cutOff(conn);
    });
  });
  const sweep = () => {
    try {
      // engine.io keeps its open connections by id in a (protected) record.
      const clients = (io.engine as unknown as { clients: Record<string, EngineConnection> }).clients;
      for (const conn of Object.values(clients)) {
        const packets = conn.writeBuffer?.length ?? 0;
        const bytes = bufferedBytes(conn);
        if (bytes > limits.maxBufferedBytes || packets > limits.maxBufferedPackets) {
          metrics.slowClientsCut.inc();
          logger.warn({ connection: conn.id, bytes, packets }, 'cut off a client that does not read what it is sent');
          cutOff(conn);
        }
      }
    } catch (error) {
      // A sweep must never take the process down; the next one tries again.
      logger.error({ err: error }, 'backpressure sweep failed');
    }
  };
  const timer = setInterval(sweep, deps.intervalMs ?? 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
