import { sql } from 'kysely';
import { DeviceConfigSchema, type DeviceConfig } from '../../shared/devices.schema';
import type { Storage } from '../storage/storage';

/** A screen's request to be paired, as stored. Times are epoch milliseconds. */
export interface PairingTicketRecord {
  id: string;
  code: string;
  /** SHA-256 of the secret only the screen holds; the secret itself is never stored. */
  secretDigest: Buffer;
  createdAt: number;
  expiresAt: number;
  address: string | null;
  userAgent: string | null;
  /** Set when an operator's approval took the ticket (before the device exists). */
  approvedAt: number | null;
}

/** What an approved ticket hands its screen, once. */
export interface PairingHandover {
  token: string;
  device: DeviceConfig;
}

/**
 * Pairing tickets in the database, so every node sees the same codes and a restart keeps them.
 * Whatever must happen once (approving a code, handing over its token) is decided by one
 * conditional statement, so two nodes racing cannot both succeed.
 */
export interface PairingRepository {
  /** Stores a new ticket; false when its code is already taken (the caller draws another). */
  insert(ticket: PairingTicketRecord): Promise<boolean>;
  find(id: string): Promise<PairingTicketRecord | undefined>;
  /** Tickets nobody approved yet whose code is still valid at `now`, newest first. */
  waiting(now: number): Promise<PairingTicketRecord[]>;
  countWaiting(now: number): Promise<number>;
  /**
   * Takes the waiting, unexpired ticket with this code for an approval: sets approved_at unless it
   * is already set. Returns its id, or undefined when no such ticket exists (or another took it).
   */
  reserve(code: string, now: number): Promise<string | undefined>;
  /** Gives a reserved ticket back (its device could not be created); a no-op once approved. */
  release(id: string): Promise<void>;
  /** Stores what the screen receives at its next claim. */
  recordApproval(id: string, handover: PairingHandover): Promise<boolean>;
  /** Removes an approved ticket and returns its handover, to one caller only; the digest must match. */
  takeApproved(id: string, secretDigest: Buffer): Promise<PairingHandover | undefined>;
  /** Removes a ticket nobody approved (an approval racing an expiry keeps its ticket). */
  deleteWaiting(id: string): Promise<void>;
  /**
   * Removes waiting tickets that expired at `waitingBefore` and every ticket (approved ones too)
   * that expired at `anyBefore`. Returns how many went.
   */
  deleteExpired(limits: { waitingBefore: number; anyBefore: number }): Promise<number>;
}

interface TicketRow {
  id: string;
  code: string;
  secret_digest: Buffer | Uint8Array;
  created_at: number;
  expires_at: number;
  address: string | null;
  user_agent: string | null;
  approved_at: number | null;
}

const COLUMNS = sql.raw('id, code, secret_digest, created_at, expires_at, address, user_agent, approved_at');

const toRecord = (r: TicketRow): PairingTicketRecord => ({
  id: r.id,
  code: r.code,
  secretDigest: Buffer.from(r.secret_digest),
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  address: r.address,
  userAgent: r.user_agent,
  approvedAt: r.approved_at === null ? null : Number(r.approved_at),
});

export class SqlPairingRepository implements PairingRepository {
  constructor(private readonly storage: Storage) {}

  async insert(t: PairingTicketRecord): Promise<boolean> {
    // ON CONFLICT without a target covers the unique code index on both engines: a taken code
    // inserts nothing instead of failing the request.
    const result = await sql`INSERT INTO pairing_tickets (id, code, secret_digest, created_at, expires_at, address, user_agent)
      VALUES (${t.id}, ${t.code}, ${t.secretDigest}, ${t.createdAt}, ${t.expiresAt}, ${t.address}, ${t.userAgent})
      ON CONFLICT DO NOTHING`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async find(id: string): Promise<PairingTicketRecord | undefined> {
    const { rows } = await sql<TicketRow>`SELECT ${COLUMNS} FROM pairing_tickets WHERE id = ${id}`.execute(this.storage.db);
    return rows[0] && toRecord(rows[0]);
  }

  async waiting(now: number): Promise<PairingTicketRecord[]> {
    const { rows } = await sql<TicketRow>`SELECT ${COLUMNS} FROM pairing_tickets
      WHERE approved_at IS NULL AND expires_at > ${now} ORDER BY created_at DESC, id`.execute(this.storage.db);
    return rows.map(toRecord);
  }

  async countWaiting(now: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM pairing_tickets WHERE approved_at IS NULL AND expires_at > ${now}`.execute(this.storage.db);
    return Number(rows[0]?.n ?? 0);
  }

  async reserve(code: string, now: number): Promise<string | undefined> {
    // One statement: on PostgreSQL a second UPDATE of the row waits for the first to commit and
    // then finds approved_at set; SQLite runs one writer at a time.
    const { rows } = await sql<{ id: string }>`UPDATE pairing_tickets SET approved_at = ${now}
      WHERE code = ${code} AND approved_at IS NULL AND expires_at > ${now} RETURNING id`.execute(this.storage.db);
    return rows[0]?.id;
  }

  async release(id: string): Promise<void> {
    await sql`UPDATE pairing_tickets SET approved_at = NULL WHERE id = ${id} AND approved_token IS NULL`.execute(this.storage.db);
  }

  async recordApproval(id: string, handover: PairingHandover): Promise<boolean> {
    const result = await sql`UPDATE pairing_tickets SET approved_token = ${handover.token}, approved_device = ${JSON.stringify(handover.device)}
      WHERE id = ${id} AND approved_at IS NOT NULL AND approved_token IS NULL`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async takeApproved(id: string, secretDigest: Buffer): Promise<PairingHandover | undefined> {
    // DELETE … RETURNING: of two claims racing (two nodes, a retried request) one gets the row.
    const { rows } = await sql<{ approved_token: string; approved_device: string }>`DELETE FROM pairing_tickets
      WHERE id = ${id} AND secret_digest = ${secretDigest} AND approved_token IS NOT NULL
      RETURNING approved_token, approved_device`.execute(this.storage.db);
    const row = rows[0];
    return row && { token: row.approved_token, device: DeviceConfigSchema.parse(JSON.parse(row.approved_device)) };
  }

  async deleteWaiting(id: string): Promise<void> {
    await sql`DELETE FROM pairing_tickets WHERE id = ${id} AND approved_at IS NULL`.execute(this.storage.db);
  }

  async deleteExpired(limits: { waitingBefore: number; anyBefore: number }): Promise<number> {
    const result = await sql`DELETE FROM pairing_tickets
      WHERE (approved_at IS NULL AND expires_at <= ${limits.waitingBefore}) OR expires_at <= ${limits.anyBefore}`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0);
  }
}
