import { sql } from 'kysely';
import { AnnouncementSchema, type Announcement } from '../../shared/announcements.schema';
import type { Storage } from '../storage/storage';

export interface StoredAnnouncement extends Announcement {
  withdrawnAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface AnnouncementsRepository {
  create(announcement: StoredAnnouncement): Promise<void>;
  /** Not withdrawn and not yet expired at `nowIso` (active or scheduled). */
  current(nowIso: string): Promise<StoredAnnouncement[]>;
  /** The most recent ones, whatever their state, for the console. */
  recent(limit: number): Promise<StoredAnnouncement[]>;
  withdraw(id: string, at: string): Promise<boolean>;
}

interface Row {
  id: string;
  text: string;
  target: string;
  device_id: string | null;
  group_id: string | null;
  urgent: number;
  starts_at: string;
  expires_at: string;
  until_withdrawn: number;
  withdrawn_at: string | null;
  created_by: string;
  created_at: string;
}

const toStored = (r: Row): StoredAnnouncement => ({
  ...AnnouncementSchema.parse({
    id: r.id,
    text: JSON.parse(r.text),
    target: r.target,
    deviceId: r.device_id,
    groupId: r.group_id,
    urgent: r.urgent === 1,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
    untilWithdrawn: r.until_withdrawn === 1,
  }),
  withdrawnAt: r.withdrawn_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export class SqlAnnouncementsRepository implements AnnouncementsRepository {
  constructor(private readonly storage: Storage) {}

  async create(a: StoredAnnouncement): Promise<void> {
    await sql`INSERT INTO announcements (id, text, target, device_id, group_id, urgent, starts_at, expires_at, until_withdrawn, withdrawn_at, created_by, created_at)
      VALUES (${a.id}, ${JSON.stringify(a.text)}, ${a.target}, ${a.deviceId}, ${a.groupId ?? null}, ${a.urgent ? 1 : 0}, ${a.startsAt}, ${a.expiresAt},
        ${a.untilWithdrawn ? 1 : 0}, ${a.withdrawnAt}, ${a.createdBy}, ${a.createdAt})`.execute(this.storage.db);
  }

  async current(nowIso: string): Promise<StoredAnnouncement[]> {
    const { rows } = await sql<Row>`SELECT * FROM announcements WHERE withdrawn_at IS NULL AND expires_at > ${nowIso} ORDER BY starts_at, id`.execute(this.storage.db);
    return rows.map(toStored);
  }

  async recent(limit: number): Promise<StoredAnnouncement[]> {
    const { rows } = await sql<Row>`SELECT * FROM announcements ORDER BY created_at DESC, id LIMIT ${limit}`.execute(this.storage.db);
    return rows.map(toStored);
  }

  async withdraw(id: string, at: string): Promise<boolean> {
    const result = await sql`UPDATE announcements SET withdrawn_at = ${at} WHERE id = ${id} AND withdrawn_at IS NULL`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }
}
