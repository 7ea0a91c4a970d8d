import { hostname } from 'node:os';
import { z } from 'zod';
import { MAX_EVENTS_PER_REQUEST } from '../../shared/events.schema';
import { isTimeZone } from '../../shared/time-zone';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const NODE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

export const IANA_TIME_ZONE = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

/**
 * Every environment variable the server reads, parsed once at start.
 * Names are the variables themselves so an error message can name the one that is wrong.
 */
export const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  WEB_DIR: z.string().min(1).default('./dist/web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TIME_ZONE: IANA_TIME_ZONE.default('Asia/Shanghai'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://192.168.1.10:3000' }).optional(),
  SHOWFLOOR_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  TRUST_PROXY: z.union([bool, z.coerce.number().int().min(0).max(10)]).default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  /** `group` commits concurrent posts together; `per-request` (one transaction per post) is the naive baseline the benchmark compares against. */
  INGEST_COMMIT: z.enum(['group', 'per-request']).default('group'),
  /** A rehearsal server (npm run demo): screens mark its figures as simulated. */
  SHOWFLOOR_REHEARSAL: bool.default(false),
  /** Minimum milliseconds between two counter patches (10 a second by default). */
  COUNTER_PATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  /** Bytes the server may hold for one socket that does not read; past it the socket is cut off. */
  SOCKET_MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Other origins (besides the server's own and PUBLIC_URL) whose pages may use the console and device sockets and post to the API. */
  ALLOWED_ORIGINS: z
    .string()
    .transform((list) => list.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be a comma-separated list of origins such as https://console.example.org' })))
    .default([]),
  /**
   * Events one device may post per second, sustained. A busy door counts a few visitors a second
   * and a kiosk far less; 100 lets a kiosk drain a day offline (20,000 queued events) in minutes,
   * while one leaked sensor token can no longer flood the public counters.
   */
  INGEST_DEVICE_EVENTS_PER_SECOND: z.coerce.number().positive().max(1_000_000).default(100),
  /** Events one device may post at once after a quiet time; at least one full request. */
  INGEST_DEVICE_BURST: z.coerce
    .number()
    .int()
    .min(MAX_EVENTS_PER_REQUEST, `must be at least ${MAX_EVENTS_PER_REQUEST} (one full request)`)
    .max(10_000_000)
    .default(2_000),
  /** Events older than this many days are refused: a kiosk's offline queue is days, not months. */
  INGEST_MAX_EVENT_AGE_DAYS: z.coerce.number().positive().max(36_500).default(28),
  /** Selects PostgreSQL (`postgres://user:password@host:5432/showfloor`); without it, SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .refine((url) => /^postgres(ql)?:\/\//.test(url) && URL.canParse(url), {
      error: 'must be a PostgreSQL URL such as postgres://showfloor:password@localhost:5432/showfloor',
    })
    .optional(),
  /** Connections each node holds open to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL cancels a statement that runs longer than this. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** Several nodes: the Redis that carries socket.io fan-out and shared rate limits (`redis://[:password@]host:6379`). */
  REDIS_URL: z
    .string()
    .refine((url) => /^rediss?:\/\//.test(url) && URL.canParse(url), { error: 'must be a Redis URL such as redis://:password@localhost:6379 (or rediss:// for TLS)' })
    .optional(),
  /** This node's name in logs and cluster state; by default hostname-pid. */
  NODE_ID: z.string().regex(NODE_ID_PATTERN, 'must be 1 to 40 of a-z, 0-9 and -, such as node-1').optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  contentDir: string;
  webDir: string;
  logLevel: Env['LOG_LEVEL'];
  timeZone: string;
  publicUrl: string | undefined;
  adminPassword: string | undefined;
  sessionSecret: string | undefined;
  sessionIdleMinutes: number;
  trustProxy: boolean | number;
  loginMaxFailures: number;
  ingestCommit: Env['INGEST_COMMIT'];
  counterPatchIntervalMs: number;
  rehearsal: boolean;
  socketLimits: { maxBufferedBytes: number; maxBufferedPackets: number };
  /** Origins allowed besides the request's own host and PUBLIC_URL, as `scheme://host[:port]`. */
  allowedOrigins: string[];
  ingestDeviceEventsPerSecond: number;
  ingestDeviceBurst: number;
  ingestMaxEventAgeDays: number;
  /** PostgreSQL's URL when it is the engine; undefined means SQLite in dataDir. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  /** Redis's URL when several nodes share the show; undefined means a single node. */
  redisUrl: string | undefined;
  /** This node's name: NODE_ID, else hostname-pid. */
  nodeId: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError naming every wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", the way shells and .env files usually intend it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${shown(String(issue.path[0]), present)})`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = result.data;
  // Each node would open its own SQLite file: they would silently run separate shows.
  if (e.REDIS_URL !== undefined && e.DATABASE_URL === undefined) {
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: several nodes need one shared PostgreSQL database: set DATABASE_URL too (SQLite is a single-node store)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    contentDir: e.CONTENT_DIR,
    webDir: e.WEB_DIR,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TIME_ZONE,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    adminPassword: e.SHOWFLOOR_ADMIN_PASSWORD,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    trustProxy: e.TRUST_PROXY,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    ingestCommit: e.INGEST_COMMIT,
    counterPatchIntervalMs: e.COUNTER_PATCH_INTERVAL_MS,
    rehearsal: e.SHOWFLOOR_REHEARSAL,
    // 64 bytes a packet on average is far below any real patch: the packet bound only catches floods of tiny ones.
    socketLimits: { maxBufferedBytes: e.SOCKET_MAX_BUFFERED_BYTES, maxBufferedPackets: Math.ceil(e.SOCKET_MAX_BUFFERED_BYTES / 64) },
    allowedOrigins: e.ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    ingestDeviceEventsPerSecond: e.INGEST_DEVICE_EVENTS_PER_SECOND,
    ingestDeviceBurst: e.INGEST_DEVICE_BURST,
    ingestMaxEventAgeDays: e.INGEST_MAX_EVENT_AGE_DAYS,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    nodeId: e.NODE_ID ?? defaultNodeId(hostname(), process.pid),
  };
}

/** hostname-pid in NODE_ID's alphabet: unique per process on a machine, readable in logs. */
export function defaultNodeId(host: string, pid: number): string {
  const suffix = `-${pid}`;
  const name = host.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40 - suffix.length);
  return `${name || 'node'}${suffix}`;
}

/** Variables whose URL may carry a password. */
const URLS_WITH_SECRETS = new Set(['DATABASE_URL', 'REDIS_URL']);

/** A variable's value as an error message quotes it: a database or Redis URL may hold a password, which is never echoed. */
function shown(name: string, env: Record<string, string | undefined>): string {
  const value = env[name];
  if (!URLS_WITH_SECRETS.has(name) || value === undefined) return JSON.stringify(value);
  // "user:password@host" parses as a URL whose scheme is "user:": only scheme://authority is safe to show.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !URL.canParse(value)) return 'a value not shown here, as it may hold a password';
  const url = new URL(value);
  if (url.password) url.password = '***';
  return JSON.stringify(url.toString());
}
