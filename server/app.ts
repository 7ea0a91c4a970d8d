import express from 'express';
import session from 'express-session';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { NAMESPACES } from '../shared/socket-events';
import { SqlAnnouncementsRepository } from './announcements/announcements.repository';
import { announcementsRoutes } from './announcements/announcements.routes';
import { AnnouncementsService } from './announcements/announcements.service';
import { SqlAuditRepository } from './audit/audit.repository';
import { AuditNames, auditNameSources } from './audit/audit-names';
import { auditRoutes } from './audit/audit.routes';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { usersRoutes } from './auth/users.routes';
import { UsersService } from './auth/users.service';
import { registerConsoleNamespace, type ConsoleNamespace } from './console/console.socket';
import { sessionRoutes } from './auth/session.routes';
import { SessionStore } from './auth/session.store';
import { SqlSessionsRepository } from './auth/sessions.repository';
import { SqlUsersRepository } from './auth/users.repository';
import type { Config } from './config/config.schema';
import type { ContentBundle } from './content/content.bundle';
import { readContentFolder } from './content/content.files';
import { SqlContentRepository, type ContentValidationMemo } from './content/content.repository';
import { contentRoutes } from './content/content.routes';
import { ContentService } from './content/content.service';
import { SqlCorrectionsRepository } from './counters/corrections.repository';
import { correctionsRoutes } from './counters/corrections.routes';
import { CorrectionsService } from './counters/corrections.service';
import { CountersService } from './counters/counters.service';
import { eventsRepository } from './counters/events.repository.factory';
import { eventsRoutes } from './counters/events.routes';
import { IngestService } from './counters/ingest.service';
import { SqlDevicesRepository } from './devices/devices.repository';
import { SqlDealsRepository } from './deals/deals.repository';
import { dealsRoutes } from './deals/deals.routes';
import { DealsService } from './deals/deals.service';
import { devicesRoutes } from './devices/devices.routes';
import { SqlPairingRepository } from './devices/pairing.repository';
import { PairingService } from './devices/pairing.service';
import { DevicesService } from './devices/devices.service';
import { closeRevokedDevices, deviceChannel, registerDeviceNamespace, type DeviceNamespace } from './devices/devices.socket';
import { SqlGroupsRepository } from './groups/groups.repository';
import { groupsRoutes } from './groups/groups.routes';
import { GroupsService } from './groups/groups.service';
import { LiveBroadcaster } from './live/live.broadcaster';
import { SqlScheduleRepository } from './schedule/schedule.repository';
import { scheduleRoutes } from './schedule/schedule.routes';
import { ScheduleService } from './schedule/schedule.service';
import { rehearsalRoutes } from './rehearsal/rehearsal.routes';
import { RehearsalService } from './rehearsal/rehearsal.service';
import { SqlRehearsalRepository } from './rehearsal/rehearsal.repository';
import { SqlRoadshowRepository } from './roadshow/roadshow.repository';
import { roadshowRoutes } from './roadshow/roadshow.routes';
import { RoadshowService } from './roadshow/roadshow.service';
import { registerLiveNamespace, type LiveNamespace } from './live/live.socket';
import { snapshotRoutes } from './live/snapshot.routes';
import { SnapshotViews } from './live/snapshot.views';
import { projectToLive } from './live/live.projection';
import { watchDayTurn } from './counters/day-watch';
import { nodeBus } from './cluster/domain-event-bus';
import { ContentVersions } from './live/content-version';
import compression from 'compression';
import { healthRoutes } from './platform/health.routes';
import { apiNotFound, errorHandler, notFoundHandler } from './platform/http-errors.middleware';
import { createLogger, type Logger } from './platform/logger';
import { imagesRoutes } from './media/images.routes';
import { ImagesService } from './media/images.service';
import { SqlMediaRepository } from './media/media.repository';
import { mediaRoutes } from './media/media.routes';
import { createMetrics } from './platform/metrics';
import { guardBackpressure } from './platform/socket-backpressure';
import { trackConnections } from './platform/http-drain';
import { allowedOriginsOf } from './platform/origin-policy';
import { refuseCrossSiteSocket } from './platform/same-origin.middleware';
import { SqlSettingsRepository, type SettingsRepository } from './settings/settings.repository';
import { storedSecret } from './settings/stored-secret';
import type { Db } from './storage/database';
import { openSqliteStorage } from './storage/sqlite-storage';
import { openStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';
import { StorageHealth } from './storage/storage-health';
import { SqlStorageRepository, type StorageRepository } from './storage/storage.repository';
import { BackgroundTasks } from './platform/background';
import { compiledBuildIdentity } from './platform/build-identity';
import { appVersion } from './web/app-version';
import { apiPrelude } from './web/api-prelude';
import { pagesRoutes } from './web/pages.routes';
import { securityHeaders } from './web/security-headers';
import { resolvePublicUrl } from './web/public-url';
import { deviceRateLimits, joinCluster, socketOptionsFor } from './cluster/cluster-node';
import { ownerLeaseFor } from './cluster/owner-lease';
import { shareLiveProjection } from './cluster/live-owner';

/** The storage probe writes a few pages, so that it does not pass where an event batch would not. */
const STORAGE_PROBE_PADDING = '.'.repeat(16 * 1024);

export interface ServerDeps {
  logger?: Logger;
  /** The clock every service reads; tests pass their own. */
  now?: () => number;
  /** An open SQLite database (tests may share one; it stays open after close()). */
  db?: Db;
  /** Open storage to use instead of opening one from config (DATABASE_URL or DATA_DIR). */
  storage?: Storage;
  /** Where first-start content comes from; by default config.contentDir. */
  seedContent?: () => ContentBundle;
}

export type ShowfloorServer = Awaited<ReturnType<typeof createServer>>;

/**
 * Builds one complete showfloor instance: database, services, HTTP routes and socket.io
 * namespaces. Nothing is global, so tests can run several side by side on port 0.
 */
export async function createServer(config: Config, deps: ServerDeps = {}) {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = deps.now ?? Date.now;
  const metrics = createMetrics();
  const storage = deps.storage ?? (deps.db ? openSqliteStorage({ db: deps.db, closeWithStorage: false }) : await openStorage(config));
  const version = appVersion(config.webDir);

  const settings = new SqlSettingsRepository(storage);
  const storageRepository = new SqlStorageRepository(storage);
  const storageHealth = new StorageHealth({ probe: () => settings.set('storage.probe', `${new Date(now()).toISOString()} ${STORAGE_PROBE_PADDING}`), logger, now });
  const tasks = new BackgroundTasks({ logger, storage: storageHealth, now });
  // Several nodes (REDIS_URL): undefined on a single node, which runs as it always has.
  const reportRedis = (error: unknown) => tasks.failed('redis', error);
  const cluster = await joinCluster(config, reportRedis);
  const { bus, settle: settleBus } = await nodeBus(cluster, tasks);
  // Several nodes: only the lease holder runs the live projection and the timers (server/cluster/live-owner.ts).
  const lease = await ownerLeaseFor(config, logger);
  const events = eventsRepository(storage);
  const users = new SqlUsersRepository(storage);
  const auth = new AuthService(users, now);
  const audit = new AuditService(new SqlAuditRepository(storage), now);
  await auth.ensureAdmin(config.adminPassword, logger);

  const app = express();
  const httpServer: HttpServer = createHttpServer(app);
  const connections = trackConnections(httpServer);
  // Set once close() starts: /readyz turns 503 so a load balancer sends no new work here.
  let closing: Promise<void> | undefined;
  const io = new SocketServer(httpServer, {
    serveClient: false,
    // Screens behind flaky Wi-Fi: notice a dead peer within ~45 s, and keep messages small.
    pingInterval: 20_000,
    pingTimeout: 25_000,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    ...socketOptionsFor(cluster),
  });
  // Each namespace has its own event map (from shared/); socket.io types one map per server.
  const live = io.of(NAMESPACES.live) as unknown as LiveNamespace;
  const allowedOrigins = allowedOriginsOf(config);
  const deviceNsp = io.of(NAMESPACES.device) as unknown as DeviceNamespace;
  const consoleNsp = io.of(NAMESPACES.console) as unknown as ConsoleNamespace;

  const counters = new CountersService({ events, timeZone: config.timeZone, now, bus });
  const broadcaster = await LiveBroadcaster.start({
    live,
    settings,
    metrics,
    counterIntervalMs: config.counterPatchIntervalMs,
    audience: (room) => live.adapter.rooms.get(room)?.size ?? 0,
    counters,
    now,
    tasks,
  }, { standby: config.redisUrl !== undefined });
  const content: ContentService = new ContentService(
    {
      repository: new SqlContentRepository(storage),
      audit,
      now,
      bus,
      validationMemo: contentValidationMemo(settings),
    },
    deps.seedContent ?? (() => readContentFolder(config.contentDir)),
  );
  const contentVersions = new ContentVersions(content);
  const devices = new DevicesService({
    repository: new SqlDevicesRepository(storage),
    audit,
    bus,
    catalog: content,
    now,
    figures: counters,
    channel: deviceChannel(deviceNsp, { clustered: config.redisUrl !== undefined }),
  });
  const images = new ImagesService({ repository: new SqlMediaRepository(storage), audit, now });
  const pairing = new PairingService({ repository: new SqlPairingRepository(storage), devices, now, bus, tasks });
  const groups = new GroupsService({
    repository: new SqlGroupsRepository(storage),
    audit,
    fleet: devices,
    now,
    bus,
  });
  const schedule = new ScheduleService({
    repository: new SqlScheduleRepository(storage),
    content,
    audit,
    fleet: devices,
    groups,
    timeZone: config.timeZone,
    now,
    logger,
    bus,
    owner: lease,
  });
  const announcements = new AnnouncementsService({
    repository: new SqlAnnouncementsRepository(storage),
    audit,
    now,
    fleet: devices,
    groups,
    bus,
  });
  const ingest = new IngestService({
    events,
    catalog: content,
    metrics,
    timeZone: config.timeZone,
    now,
    maxEventAgeDays: config.ingestMaxEventAgeDays,
    badgeKey: await storedSecret(settings, 'badge.key'),
    mode: config.ingestCommit,
    bus,
  });
  const corrections = new CorrectionsService({
    repository: new SqlCorrectionsRepository(storage),
    audit,
    catalog: content,
    counters,
    now,
    bus,
  });
  const usersService = new UsersService({ repository: users, audit, now, bus });
  const deals = new DealsService({
    repository: new SqlDealsRepository(storage),
    audit,
    now,
    bus,
    tasks,
  });
  const roadshow = new RoadshowService({
    repository: new SqlRoadshowRepository(storage),
    audit,
    now,
    judges: usersService,
    bus,
    tasks,
  });
  const rehearsal = new RehearsalService({
    repository: new SqlRehearsalRepository(storage),
    audit,
    rehearsal: config.rehearsal,
    bus,
    counters,
  });
  // Everything the screens and the console read without a query, read once now.
  await content.load();
  await counters.refresh();
  await devices.load();
  await groups.load();
  await announcements.load();
  await deals.reload();
  await roadshow.reload();
  await schedule.start();
  projectToLive({ bus, broadcaster, counters, content: contentVersions, announcements, deals, roadshow });
  // Known once listening (port 0 picks one); computed once, the network does not change under a show.
  let publicUrl: string | undefined;
  const publicUrlOf = () => (publicUrl ??= resolvePublicUrl(config.publicUrl, (httpServer.address() as AddressInfo | null)?.port ?? config.port));
  const localSnapshots = new SnapshotViews({
    content: contentVersions,
    broadcaster,
    counters,
    announcements,
    deals,
    roadshow,
    rehearsal: config.rehearsal,
    appVersion: version,
    publicUrl: publicUrlOf,
    now,
  });
  const sharedLive = config.redisUrl
    ? shareLiveProjection({ channel: live, lease, broadcaster, snapshots: localSnapshots, counters, announcements, tasks, logger, now, publicUrl: publicUrlOf, intervalMs: config.ownerLease.intervalMs })
    : undefined;
  const snapshots = sharedLive?.snapshots ?? localSnapshots;
  await sharedLive?.ready(5_000);
  const stopDayWatch = watchDayTurn({ counters, bus, tasks, owner: lease });

  const sessionStore = new SessionStore(new SqlSessionsRepository(storage), now, config.sessionIdleMinutes * 60_000, tasks, bus, lease);
  const sessionMiddleware = session({
    name: 'showfloor.sid',
    secret: config.sessionSecret ?? (await sessionSecretFrom(settings)),
    store: sessionStore,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: config.sessionIdleMinutes * 60_000 },
  });

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  // gzip (or deflate) for every answer above 1 KB that a client accepts compressed: the snapshot and
  // the content are JSON text that shrinks ~5×. Socket.io's own transports are not affected.
  app.use(compression({ threshold: 1024 }));
  app.use(
    healthRoutes({
      registry: metrics.registry,
      readinessProblems: async () => [...(closing ? ['stopping: the server is shutting down'] : []), ...(await readinessProblems(storageRepository, content, storageHealth))],
    }),
  );
  app.use(apiPrelude(sessionMiddleware, allowedOrigins));
  app.use(snapshotRoutes({ snapshots, content: contentVersions }));
  app.use(
    eventsRoutes({
      ingest,
      devices,
      metrics,
      limits: deviceRateLimits(cluster, { ratePerSecond: config.ingestDeviceEventsPerSecond, burst: config.ingestDeviceBurst, now }, reportRedis),
    }),
  );
  app.use(
    sessionRoutes({
      auth,
      maxFailures: config.loginMaxFailures,
      bus,
      sharedLimits: cluster?.signInLimits,
    }),
  );
  app.use(usersRoutes({ users: usersService, auth }));
  app.use(contentRoutes({ content, auth }));
  app.use(correctionsRoutes({ corrections, auth }));
  app.use(dealsRoutes({ deals, auth }));
  app.use(roadshowRoutes({ roadshow, auth }));
  app.use(rehearsalRoutes({ rehearsal, auth }));
  app.use(imagesRoutes({ images, auth }));
  app.use(
    auditRoutes({
      audit,
      auth,
      names: new AuditNames(auditNameSources({ devices, groups, content, users: usersService })),
    }),
  );
  app.use(devicesRoutes({ devices, pairing, auth }));
  app.use(announcementsRoutes({ announcements, auth }));
  app.use(groupsRoutes({ groups, auth }));
  app.use(scheduleRoutes({ schedule, auth }));
  app.use('/api', apiNotFound);
  app.use(mediaRoutes({ images, dirs: [join(config.dataDir, 'media'), join(config.contentDir, 'images')] }));
  app.use(pagesRoutes({ webDir: config.webDir }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger, storageHealth));

  registerLiveNamespace(live, { snapshots, devices, metrics, now, tasks });
  const stopBackpressureGuard = guardBackpressure(io, { limits: config.socketLimits, metrics, logger, now });
  // Registered first, so they run before the namespaces' own checks.
  deviceNsp.use(refuseCrossSiteSocket(allowedOrigins));
  consoleNsp.use(refuseCrossSiteSocket(allowedOrigins));
  registerDeviceNamespace(deviceNsp, { devices, metrics, now, tasks });
  closeRevokedDevices(bus, deviceNsp, live);
  // socket.io's documented way to share express-session: run it once per connection handshake.
  io.engine.use((req: { _query?: { sid?: string } }, res: unknown, next: () => void) => {
    if (req._query?.sid === undefined) (sessionMiddleware as unknown as (q: unknown, s: unknown, n: () => void) => void)(req, res, next);
    else next();
  });
  registerConsoleNamespace(consoleNsp, { sessionStore, auth, devices, pairing, announcements, groups, metrics, logger, tasks, storage: storageHealth, bus });

  return {
    app,
    httpServer,
    io,
    storage,
    logger,
    metrics,
    cluster,
    services: { auth, audit, users: usersService, content, counters, corrections, deals, roadshow, devices, pairing, announcements, groups, schedule, ingest, broadcaster },
    snapshot: () => snapshots.current().snapshot,

    /** Starts listening; resolves with the bound port (useful with port 0). */
    listen(port = config.port, host = config.host): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },

    /** Graceful stop: refuse new connections, finish requests, commit pending writes, close the database. */
    close(): Promise<void> {
      closing ??= (async () => {
        stopDayWatch();
        stopBackpressureGuard();
        storageHealth.close();
        announcements.close();
        schedule.close();
        pairing.close();
        const stopped = new Promise<void>((resolve) => httpServer.once('close', () => resolve()));
        // Requests in flight finish and are answered (their posts commit meanwhile); keep-alive
        // connections close after their last answer. main.ts gives up after 10 s, so cut at 7.
        await connections.drain(7_000);
        await ingest.drain();
        await broadcaster.close();
        sharedLive?.close();
        // Freed now rather than when the connection drops: the next owner takes over at its next poll.
        await lease.close();
        // Screens' sockets last: they kept getting patches while the requests finished.
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        await stopped;
        await ingest.drain();
        sessionStore.close();
        await settleBus();
        await cluster?.close();
        if (!deps.storage) await storage.close();
      })();
      return closing;
    },
  };
}

/** Kept in settings: the fingerprint of the content rows the compiled build running now last validated. */
function contentValidationMemo(settings: SettingsRepository): ContentValidationMemo | undefined {
  const build = compiledBuildIdentity();
  if (build === undefined) return undefined;
  return { build, last: () => settings.get('content.validated'), remember: (fingerprint) => settings.set('content.validated', fingerprint) };
}

function sessionSecretFrom(settings: SettingsRepository): Promise<string> {
  // Kept in the database so sessions survive a restart when SESSION_SECRET is not set.
  return storedSecret(settings, 'session.secret');
}

async function readinessProblems(database: StorageRepository, content: ContentService, storage: StorageHealth): Promise<string[]> {
  const problems: string[] = [];
  const storageProblem = storage.problem();
  if (storageProblem) problems.push(storageProblem);
  try {
    await database.ping();
  } catch (error) {
    problems.push(`database: ${(error as Error).message}`);
  }
  if (content.publishedSections().length === 0) problems.push('content: no sections loaded');
  return problems;
}
