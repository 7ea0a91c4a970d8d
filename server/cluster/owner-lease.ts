import type pg from 'pg';
import { describeDatabase } from '../storage/database-url';

/**
 * Whether this node owns the live projection (seq numbering, counters coalescing, the timers).
 * Exactly one node of a cluster owns it at a time; a single node always does.
 */
export interface OwnerLease {
  isOwner(): boolean;
  /** `cb(owner)` runs on every change of ownership; returns the unsubscribe. */
  onChange(cb: (owner: boolean) => void): () => void;
  /** Gives the lease up (the next node takes it at its next poll) and stops polling. */
  close(): Promise<void>;
}

/** One node (no REDIS_URL, or SQLite): nobody to share with, so always the owner. */
export function soleOwner(): OwnerLease {
  return { isOwner: () => true, onChange: () => () => {}, close: async () => {} };
}

export interface LeaseTiming {
  /** How often a non-owner tries to take the lease, and how often the owner checks it still holds it. */
  intervalMs: number;
  /**
   * Seconds of silence after which PostgreSQL drops the owner's lease connection (server-side TCP
   * keepalives): what bounds the takeover when the owner's machine or network dies without closing
   * its socket. A killed process closes its socket at once and PostgreSQL frees the lock at once.
   */
  deadPeerSeconds: number;
}

/**
 * The key of the advisory lock: any fixed 64-bit number, the same on every node. Advisory locks are
 * per database, so two shows on one PostgreSQL server (or two test databases) never share it.
 */
const LOCK_KEY = 0x73686f77666c6f6fn; // "showfloo"

export interface PostgresLeaseDeps {
  url: string;
  timing: LeaseTiming;
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/**
 * The lease is a PostgreSQL session advisory lock held on a connection of its own (never the pool's:
 * a pooled connection goes back to the pool, and the lock would go with it to whichever query takes
 * it next). PostgreSQL frees the lock the moment that session ends, so an owner that dies, or whose
 * connection breaks, loses it without anyone having to expire anything.
 *
 * The owner checks its connection every interval and steps down at once when a check fails, before
 * PostgreSQL's keepalives have dropped the session and let another node in: two nodes may both
 * believe they are not the owner for a moment, never both that they are (for longer than one check).
 */
export class PostgresOwnerLease implements OwnerLease {
  private client: pg.Client | undefined;
  private owner = false;
  private closed = false;
  private readonly listeners = new Set<(owner: boolean) => void>();
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private lastProblem = '';

  /** Starts polling and resolves after the first attempt (so a sole node is the owner when it starts serving). */
  static async start(deps: PostgresLeaseDeps): Promise<PostgresOwnerLease> {
    const lease = new PostgresOwnerLease(deps);
    await lease.running;
    return lease;
  }

  private constructor(private readonly deps: PostgresLeaseDeps) {
    this.running = this.step();
    this.timer = setInterval(() => {
      // One step at a time: a slow PostgreSQL must not pile up attempts.
      this.running = this.running.then(() => this.step());
    }, deps.timing.intervalMs);
    this.timer.unref();
  }

  isOwner(): boolean {
    return this.owner;
  }

  onChange(cb: (owner: boolean) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
    this.set(false);
    // Ending the session frees the lock for the next node now, not after its keepalives.
    await this.drop();
  }

  /** Takes the lease, or checks the one held; never throws (a failure is a lost or untaken lease). */
  private async step(): Promise<void> {
    if (this.closed) return;
    try {
      const client = this.client ?? (await this.connect());
      const timeout = Math.max(200, this.deps.timing.intervalMs);
      if (this.owner) {
        await withTimeout(client.query('SELECT 1'), timeout, 'the lease check');
      } else {
        const result = await withTimeout(client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [LOCK_KEY.toString()]), timeout, 'taking the lease');
        if (result.rows[0]?.taken) this.set(true);
      }
      this.lastProblem = '';
    } catch (error) {
      // The session may already be gone (and the lock with it): step down before anything else.
      this.set(false);
      await this.drop();
      const problem = (error as Error).message;
      if (problem !== this.lastProblem) this.deps.logger.warn({ err: problem, database: describeDatabase(this.deps.url) }, 'live owner lease: PostgreSQL unreachable; retrying');
      this.lastProblem = problem;
    }
  }

  private async connect(): Promise<pg.Client> {
    // Loaded here: only a node of a cluster holds a lease, and a single node never loads the driver for it.
    const { default: driver } = await import('pg');
    const client = new driver.Client({ connectionString: this.deps.url, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 1_000 });
    // An error on an idle connection (PostgreSQL restarted) must not end the process; the next step notices.
    client.on('error', () => {
      this.set(false);
    });
    this.client = client;
    await client.connect();
    const dead = this.deps.timing.deadPeerSeconds;
    // PostgreSQL's own keepalives on this session only: it frees the lock once the owner's host has
    // been silent for about `dead` seconds (idle, then probes one second apart).
    const idle = Math.max(1, dead - 2);
    await client.query(`SET tcp_keepalives_idle = ${idle}; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = ${Math.max(1, dead - idle)}`);
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }

  private set(owner: boolean): void {
    if (owner === this.owner) return;
    this.owner = owner;
    this.deps.logger.info({ owner }, owner ? 'live owner lease taken: this node numbers and sends the live patches' : 'live owner lease lost');
    for (const listener of [...this.listeners]) listener(owner);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The lease for this configuration: on PostgreSQL when several nodes share it (REDIS_URL), else the sole owner's. */
export async function ownerLeaseFor(
  config: { redisUrl: string | undefined; databaseUrl: string | undefined; ownerLease: LeaseTiming },
  logger: PostgresLeaseDeps['logger'],
): Promise<OwnerLease> {
  if (config.redisUrl === undefined || config.databaseUrl === undefined) return soleOwner();
  return PostgresOwnerLease.start({ url: config.databaseUrl, timing: config.ownerLease, logger });
}
