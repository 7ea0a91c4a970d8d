import { LocalizedTextSchema } from '../../shared/i18n.schema';
import type { Meeting, MeetingStatus, MeetingStepRecord, Organisation, Partner } from '../../shared/deals.schema';
import type { Db } from '../storage/database';

export type { MeetingStepRecord };

export interface DealsRepository {
  organisations(): Promise<Organisation[]>;
  partners(): Promise<Partner[]>;
  meetings(): Promise<Meeting[]>;
  saveOrganisation(o: Organisation, at: string): Promise<void>;
  savePartner(p: Partner, at: string): Promise<void>;
  /** Inserts or updates a meeting and appends the step that led to this state. */
  saveMeeting(m: Meeting, step: MeetingStepRecord, createdBy: string): Promise<void>;
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

export class SqliteDealsRepository implements DealsRepository {
  constructor(private readonly db: Db) {}

  async organisations(): Promise<Organisation[]> {
    return this.db
      .prepare<[], { id: string; name: string; country: string; type: Organisation['type'] }>('SELECT id, name, country, type FROM organisations ORDER BY created_at, id')
      .all()
      .map((r) => ({ id: r.id, name: parseName(r.name), country: r.country, type: r.type }));
  }

  async partners(): Promise<Partner[]> {
    return this.db
      .prepare<[], { id: string; name: string; district: string | null }>('SELECT id, name, district FROM partners ORDER BY created_at, id')
      .all()
      .map((r) => ({ id: r.id, name: parseName(r.name), ...(r.district ? { district: r.district } : {}) }));
  }

  async meetings(): Promise<Meeting[]> {
    return this.db
      .prepare<[], MeetingRow>('SELECT * FROM meetings ORDER BY held_at, id')
      .all()
      .map((r) => ({
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
    this.db
      .prepare(
        `INSERT INTO organisations (id, name, country, type, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, country = excluded.country, type = excluded.type`,
      )
      .run(o.id, JSON.stringify(o.name), o.country, o.type, at);
  }

  async savePartner(p: Partner, at: string): Promise<void> {
    this.db
      .prepare('INSERT INTO partners (id, name, district, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, district = excluded.district')
      .run(p.id, JSON.stringify(p.name), p.district ?? null, at);
  }

  async saveMeeting(m: Meeting, step: MeetingStepRecord, createdBy: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO meetings (id, organisation_id, partner_id, industry, status, held_at, intention_at, signed_at, dropped_at, note, version, created_by)
         VALUES (@id, @organisationId, @partnerId, @industry, @status, @heldAt, @intentionAt, @signedAt, @droppedAt, @note, @version, @createdBy)
         ON CONFLICT(id) DO UPDATE SET status = excluded.status, intention_at = excluded.intention_at, signed_at = excluded.signed_at,
           dropped_at = excluded.dropped_at, note = excluded.note, version = excluded.version`,
      )
      .run({ ...m, createdBy });
    this.db
      .prepare('INSERT INTO meeting_steps (meeting_id, at, from_status, to_status, reason, username) VALUES (?, ?, ?, ?, ?, ?)')
      .run(step.meetingId, step.at, step.from, step.to, step.reason, step.username);
  }

  async steps(meetingId: string): Promise<MeetingStepRecord[]> {
    return this.db
      .prepare<[string], { at: string; from_status: MeetingStatus | null; to_status: MeetingStatus; reason: string | null; username: string }>(
        'SELECT at, from_status, to_status, reason, username FROM meeting_steps WHERE meeting_id = ? ORDER BY rowid',
      )
      .all(meetingId)
      .map((r) => ({ meetingId, at: r.at, from: r.from_status, to: r.to_status, reason: r.reason, username: r.username }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

