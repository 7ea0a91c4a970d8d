import { z } from 'zod';
import { isTimeZone } from '../../shared/time-zone';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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
  /** `group` commits concurrent posts together; `per-event` is the slow baseline the benchmark compares against. */
  INGEST_COMMIT: z.enum(['group', 'per-event']).default('group'),
  /** A rehearsal server (npm run demo): screens mark its figures as simulated. */
  SHOWFLOOR_REHEARSAL: bool.default(false),
  /** Minimum milliseconds between two counter patches (10 a second by default). */
  COUNTER_PATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
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
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = result.data;
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
  };
}
