import { sql } from 'kysely';
import { LocalizedTextSchema } from '../../shared/i18n.schema';
import type { Meeting, MeetingStatus, MeetingStepRecord, Organisation, Partner } from '../../shared/deals.schema';
import type { Storage } from '../storage/storage';

export type { MeetingStepRecord };

export interface DealsRepository {
  organisations(): Promise<Organisation[]>;
  partners(): Promise<Partner[]>;
  meetings(): Promise<Meeting[]>;
  saveOrganisation(o: Organisation, at: string): Promise<void>;
  savePartner(p: Partner, at: string): Promise<void>;
  /** Inserts or updates a meeting and appends the step that led to this state. */
  /**
   * Stores a meeting at `m.version` with the step that led there: a new one (version 1), or over the
   * stored version `m.version - 1` only. False when another step was stored first (nothing written).
   */
  saveMeeting(m: Meeting, step: MeetingStepRecord, createdBy: string): Promise<boolean>;
  steps(meetingId: string): Promise<MeetingStepRecord[]>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

const parseName = (json: string) => LocalizedTextSchema.parse(JSON.parse(json));

interface MeetingRow {
  id: string;
  organisation_id: string;
  partner_id: string;
  industry: Meeting['industry'];
  status: MeetingStatus;
  held_at: string;
  intention_at: string | null;
  signed_at: string | null;
  dropped_at: string | null;
  note: string;
  version: number;
}

export class SqlDealsRepository implements DealsRepository {
  constructor(private readonly storage: Storage) {}

  async organisations(): Promise<Organisation[]> {
    const { rows } = await sql<{ id: string; name: string; country: string; type: Organisation['type'] }>`
      SELECT id, name, country, type FROM organisations ORDER BY created_at, id`.execute(this.storage.db);
    return rows.map((r) => ({ id: r.id, name: parseName(r.name), country: r.country, type: r.type }));
  }

  async partners(): Promise<Partner[]> {
    const { rows } = await sql<{ id: string; name: string; district: string | null }>`
      SELECT id, name, district FROM partners ORDER BY created_at, id`.execute(this.storage.db);
    return rows.map((r) => ({ id: r.id, name: parseName(r.name), ...(r.district ? { district: r.district } : {}) }));
  }

  async meetings(): Promise<Meeting[]> {
    const { rows } = await sql<MeetingRow>`SELECT * FROM meetings ORDER BY held_at, id`.execute(this.storage.db);
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      partnerId: r.partner_id,
      industry: r.industry,
      status: r.status,
      heldAt: r.held_at,
      intentionAt: r.intention_at,
      signedAt: r.signed_at,
      droppedAt: r.dropped_at,
      note: r.note,
      version: r.version,
    }));
  }

  async saveOrganisation(o: Organisation, at: string): Promise<void> {
    await sql`
      INSERT INTO organisations (id, name, country, type, created_at) VALUES (${o.id}, ${JSON.stringify(o.name)}, ${o.country}, ${o.type}, ${at})
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, country = excluded.country, type = excluded.type`.execute(this.storage.db);
  }

  async savePartner(p: Partner, at: string): Promise<void> {
    await sql`
      INSERT INTO partners (id, name, district, created_at) VALUES (${p.id}, ${JSON.stringify(p.name)}, ${p.district ?? null}, ${at})
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, district = excluded.district`.execute(this.storage.db);
  }

  async saveMeeting(m: Meeting, step: MeetingStepRecord, createdBy: string): Promise<boolean> {
    // The meeting and its step land together, whether or not the caller opened a transaction.
    return this.storage.transaction(async () => {
      // Decided in the database: of two steps from the same version (two nodes, each with its own
      // copy in memory), the second finds the row moved on and changes nothing.
      const result =
        m.version === 1
          ? await sql`
              INSERT INTO meetings (id, organisation_id, partner_id, industry, status, held_at, intention_at, signed_at, dropped_at, note, version, created_by)
              VALUES (${m.id}, ${m.organisationId}, ${m.partnerId}, ${m.industry}, ${m.status}, ${m.heldAt}, ${m.intentionAt}, ${m.signedAt}, ${m.droppedAt}, ${m.note}, ${m.version}, ${createdBy})
              ON CONFLICT(id) DO NOTHING`.execute(this.storage.db)
          : await sql`
              UPDATE meetings SET status = ${m.status}, intention_at = ${m.intentionAt}, signed_at = ${m.signedAt}, dropped_at = ${m.droppedAt}, note = ${m.note}, version = ${m.version}
              WHERE id = ${m.id} AND version = ${m.version - 1}`.execute(this.storage.db);
      if (Number(result.numAffectedRows ?? 0) !== 1) return false;
      await sql`
        INSERT INTO meeting_steps (meeting_id, at, from_status, to_status, reason, username)
        VALUES (${step.meetingId}, ${step.at}, ${step.from}, ${step.to}, ${step.reason}, ${step.username})`.execute(this.storage.db);
      return true;
    });
  }

  async steps(meetingId: string): Promise<MeetingStepRecord[]> {
    // meeting_steps has no key of its own (PostgreSQL has no rowid): the steps' times give their order,
    // and within one millisecond the step that created the meeting (from nothing) comes first.
    const { rows } = await sql<{ at: string; from_status: MeetingStatus | null; to_status: MeetingStatus; reason: string | null; username: string }>`
      SELECT at, from_status, to_status, reason, username FROM meeting_steps WHERE meeting_id = ${meetingId}
      ORDER BY at, from_status IS NOT NULL`.execute(this.storage.db);
    return rows.map((r) => ({ meetingId, at: r.at, from: r.from_status, to: r.to_status, reason: r.reason, username: r.username }));
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
