import type { Device } from '../../../shared/devices.schema';
import { io, type Socket } from 'socket.io-client';
import type { Reply } from '../../../shared/reply';
import { NAMESPACES, type ConsoleClientToServerEvents, type ConsoleServerToClientEvents, type Fleet } from '../../../shared/socket-events';
import type { FleetCommands, FleetStore } from './fleet.svelte';

export type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;

/** A command without an answer in this time is reported as failed (the operator may try again). */
const ACK_TIMEOUT_MS = 10_000;

export interface ConsoleConnection extends FleetCommands {
  withdrawAnnouncement(id: string): Promise<Reply<null>>;
  readonly connected: boolean;
  close(): void;
}

export interface ConsoleSocketDeps {
  fleet: FleetStore;
  /** The server closed the connection or refused it as unauthorized: the session may be over. */
  onSessionLost: () => void;
}

/**
 * The console's `/console` connection: the only module that talks to that socket. The session
 * cookie authenticates it (same origin); the server checks the role again on every command.
 * It writes the fleet into `FleetStore` and answers commands with the server's `Reply`.
 */
export function connectConsole(deps: ConsoleSocketDeps): ConsoleConnection {
  const { fleet } = deps;
  const socket: ConsoleSocket = io(NAMESPACES.console, {
    // Its own engine connection, never the page's /live one: the server reads the session from the
    // cookie at the engine handshake, and /live was opened before anyone signed in.
    forceNew: true,
    // As the screens do: show-floor proxies rarely keep long-polling healthy, and a direct
    // WebSocket handshake connects at once.
    transports: ['websocket'],
    // Backs off like the screens do, but an operator waits less: reconnect sooner.
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.5,
  });
  fleet.setStatus('connecting');

  const receive = (value: unknown) => {
    if (looksLikeFleet(value)) fleet.receive(value);
  };
  const refresh = () => {
    socket.timeout(ACK_TIMEOUT_MS).emit('fleet:get', (error, reply) => {
      if (!error && reply?.ok) receive(reply.data);
    });
  };

  socket.on('connect', () => {
    fleet.setStatus('online');
    // Pushes only say "changed"; after a (re)connect the current list must be asked for.
    refresh();
  });
  socket.on('fleet', receive);
  socket.on('device:state', (device: unknown) => {
    const d = device as { id?: unknown } | null;
    if (d && typeof d.id === 'string') fleet.reported(device as Device);
  });
  socket.on('disconnect', (reason) => {
    fleet.setStatus('offline');
    // The server closes a console socket on purpose when the session ends (sign-out, disabled
    // account, new password); socket.io will not retry then.
    if (reason === 'io server disconnect') deps.onSessionLost();
  });
  socket.on('connect_error', (error) => {
    fleet.setStatus('offline');
    if (error.message.startsWith('unauthorized')) deps.onSessionLost();
  });

  /** Emits a command and resolves with the server's reply, or a failure when offline or unanswered. */
  const call = <K extends Exclude<keyof ConsoleClientToServerEvents, 'fleet:get'>, T>(name: K, input: Parameters<ConsoleClientToServerEvents[K]>[0]): Promise<Reply<T>> => {
    if (!socket.connected) {
      return Promise.resolve({ ok: false, error: { code: 'offline', message: 'Not connected to the server; wait for the connection to come back' } });
    }
    return new Promise((resolve) => {
      // socket.io's typings cannot follow a generic event name through timeout(); the maps in
      // shared/socket-events.ts still type `name` and `input` above.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(event: K, payload: unknown, ack: (error: Error | null, reply: Reply<T>) => void): void };
      timed.emit(name, input, (error, reply) => {
        if (error) resolve({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time; check the screen list before trying again' } });
        else resolve(reply);
      });
    });
  };

  const connection: ConsoleConnection = {
    approve: (input) => call('pairing:approve', input),
    command: (deviceId, command) => call('device:command', { deviceId, command }),
    revoke: (deviceId) => call('device:revoke', { deviceId }),
    withdrawAnnouncement: (id) => call('announcement:withdraw', { id }),
    get connected() {
      return socket.connected;
    },
    close() {
      socket.removeAllListeners();
      socket.close();
    },
  };
  fleet.attach(connection);
  return connection;
}

/** A cheap shape check: the payload is typed end to end, but a malformed one must not break the view. */
function looksLikeFleet(value: unknown): value is Fleet {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<Record<keyof Fleet, unknown>>;
  return Array.isArray(f.devices) && Array.isArray(f.pending);
}
