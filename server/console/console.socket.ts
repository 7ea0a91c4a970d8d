import type { Namespace, Socket } from 'socket.io';
import { z, type ZodType } from 'zod';
import type { SessionUser, UserRole } from '../../shared/auth.schema';
import { DeviceCommandInputSchema, PairingApprovalSchema } from '../../shared/devices.schema';
import type { Reply } from '../../shared/reply';
import type { ConsoleClientToServerEvents, ConsoleServerToClientEvents, Fleet } from '../../shared/socket-events';
import type { AnnouncementsService } from '../announcements/announcements.service';
import type { AuthService } from '../auth/auth.service';
import type { SessionStore } from '../auth/session.store';
import type { DevicesService } from '../devices/devices.service';
import type { PairingService } from '../devices/pairing.service';
import type { GroupsService } from '../groups/groups.service';
import { AppError, describeZodError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import type { BackgroundTasks } from '../platform/background';
import type { Metrics } from '../platform/metrics';
import type { DomainEventContext, DomainEventSource } from '../platform/domain-events';
import type { StorageHealth } from '../storage/storage-health';

export type ConsoleNamespace = Namespace<ConsoleClientToServerEvents, ConsoleServerToClientEvents>;
type ConsoleSocket = Socket<ConsoleClientToServerEvents, ConsoleServerToClientEvents>;

export const sessionRoom = (sid: string) => `session:${sid}`;
export const userRoom = (userId: string) => `user:${userId}`;
const STAFF_ROOM = 'staff';
const STAFF: UserRole[] = ['admin', 'operator'];

export interface ConsoleDeps {
  sessionStore: SessionStore;
  auth: AuthService;
  devices: DevicesService;
  pairing: PairingService;
  announcements: AnnouncementsService;
  groups: GroupsService;
  metrics: Metrics;
  logger: Logger;
  tasks: BackgroundTasks;
  storage: StorageHealth;
  bus: DomainEventSource;
}

interface SessionRequest {
  sessionID?: string;
  session?: { user?: SessionUser };
}

const IdSchema = z.strictObject({ id: z.string().min(1).max(64) });
const DeviceIdSchema = z.strictObject({ deviceId: z.string().min(1).max(64) });
const DeviceCommandSchema = z.strictObject({ deviceId: z.string().min(1).max(64), command: DeviceCommandInputSchema });

/**
 * The console's live channel. Connecting needs a signed-in session; each command then checks the
 * session still exists and the user's current role, so a sign-out, a disabled account or a
 * demotion takes effect on the next command even on an open socket.
 */
export function registerConsoleNamespace(nsp: ConsoleNamespace, deps: ConsoleDeps): void {
  // The session was read from the cookie at the engine handshake (see app.ts), like any HTTP request.
  nsp.use((socket, next) => {
    currentUser(socket).then(
      (user) => {
        if (user) socket.data.user = user;
        next(user ? undefined : new Error('unauthorized: sign in first'));
      },
      (error: unknown) => {
        deps.tasks.failed('console.handshake', error);
        next(new Error('unavailable: the server could not check the session; try again'));
      },
    );
  });

  const currentUser = async (socket: ConsoleSocket): Promise<SessionUser | undefined> => {
    const request = socket.request as unknown as SessionRequest;
    const sid = request.sessionID;
    const userId = sid ? await deps.sessionStore.userIdOf(sid) : undefined;
    return userId ? deps.auth.sessionUser(userId) : undefined;
  };

  const fleet = async (): Promise<Fleet> => ({ devices: await deps.devices.list(), pending: await deps.pairing.pending(), groups: await deps.groups.list() });

  /** One command: validate the callback and payload, check the role now, run, answer. */
  const command = <I, O>(socket: ConsoleSocket, name: keyof ConsoleClientToServerEvents, roles: UserRole[], schema: ZodType<I> | null, run: (input: I, user: SessionUser) => O | Promise<O>) => {
    socket.on(name, (...args: unknown[]) => void answer(args));
    const answer = async (args: unknown[]) => {
      const ack = args[args.length - 1];
      // A client chooses its arguments; only a real callback gets an answer.
      if (typeof ack !== 'function') return;
      const reply = ack as (reply: Reply<O>) => void;
      let user: SessionUser | undefined;
      try {
        user = await currentUser(socket);
      } catch (error) {
        return reply({ ok: false, error: deps.storage.report(error) ?? { code: 'internal', message: 'Something went wrong on the server' } });
      }
      if (!user) {
        reply({ ok: false, error: { code: 'unauthorized', message: 'Your session ended; sign in again' } });
        socket.disconnect(true);
        return;
      }
      if (!roles.includes(user.role)) return reply({ ok: false, error: { code: 'forbidden', message: `Only ${roles.join(' or ')} accounts may do this` } });
      let input = undefined as I;
      if (schema) {
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return reply({ ok: false, error: { code: 'validation_failed', message: describeZodError(parsed.error) } });
        input = parsed.data;
      }
      try {
        reply({ ok: true, data: await run(input, user) });
      } catch (error) {
        if (error instanceof AppError) return reply({ ok: false, error: { code: error.code, message: error.message } });
        const fault = deps.storage.report(error);
        if (fault) return reply({ ok: false, error: fault });
        deps.logger.error({ err: error, command: name }, 'console command failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server' } });
      }
    };
  };

  nsp.on('connection', (socket) => {
    const request = socket.request as unknown as SessionRequest;
    const user = socket.data.user as SessionUser;
    deps.metrics.connectedClients.inc({ namespace: '/console' });
    socket.on('disconnect', () => deps.metrics.connectedClients.dec({ namespace: '/console' }));
    void socket.join([sessionRoom(request.sessionID!), userRoom(user.id)]);
    if (STAFF.includes(user.role)) void socket.join(STAFF_ROOM);

    command(socket, 'fleet:get', STAFF, null, () => fleet());
    command(socket, 'device:command', STAFF, DeviceCommandSchema, async (input, u) => ({ delivered: await deps.devices.command(input.deviceId, input.command, u) }));
    command(socket, 'device:revoke', STAFF, DeviceIdSchema, async (input, u) => (await deps.devices.revoke(input.deviceId, u), null));
    command(socket, 'pairing:approve', STAFF, PairingApprovalSchema, (input, u) => deps.pairing.approve(input, u));
    command(socket, 'announcement:withdraw', STAFF, IdSchema, async (input, u) => (await deps.announcements.withdraw(input.id, u), null));
  });

  // Fleet changes come in bursts (a hall of screens reconnecting): at most one push a second.
  let pending: NodeJS.Timeout | undefined;
  const fleetChanged = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      void deps.tasks.runAsync('console.fleet', async () => {
        // In a cluster the consoles may all be on other nodes, which this node's rooms do not show.
        if (nsp.adapter.rooms.get(STAFF_ROOM)?.size || (await nsp.adapter.serverCount()) > 1) nsp.to(STAFF_ROOM).emit('fleet', await fleet());
      });
    }, 1_000);
    pending.unref?.();
  };
  const { bus } = deps;
  // Pushes to consoles come from the node where the change happened: in a cluster its emit reaches
  // every node's consoles through the socket.io adapter, so the other nodes stay quiet.
  const here = (context: DomainEventContext) => context.origin === 'local';
  bus.on('fleet.changed', (_, context) => here(context) && fleetChanged());
  bus.on('device.revoked', (_, context) => here(context) && fleetChanged());
  // The console shows what each door counter and booth counted.
  bus.on('counters.changed', ({ cause }, context) => here(context) && cause === 'events' && fleetChanged());
  // A screen reported what it shows: the console's mirror redraws it at once, not with the next fleet push.
  bus.on('device.reported', ({ device }, context) => {
    if (here(context)) nsp.to(STAFF_ROOM).emit('device:state', device);
  });
  // Closing is done by every node for the sockets it holds (the event reaches them all).
  // The session store has already deleted the sessions; their open sockets close too.
  bus.on('user.access-changed', ({ userId }) => nsp.local.in(userRoom(userId)).disconnectSockets(true));
  // Signing out also closes the console sockets opened with that session.
  bus.on('session.ended', ({ userId, sessionId }, context) => {
    nsp.local.in(sessionRoom(sessionId)).disconnectSockets(true);
    if (here(context)) deps.logger.info({ userId }, 'signed out');
  });
}
