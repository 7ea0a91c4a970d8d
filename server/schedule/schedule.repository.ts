import { ScheduleSlotSchema, type ScheduleSlot } from '../../shared/schedule.schema';
import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

export interface ScheduleRepository {
  /** Slots that end after `fromIso`, in start order. */
  upcoming(fromIso: string): Promise<ScheduleSlot[]>;
  /** Slots overlapping [fromIso, toIso). */
  between(fromIso: string, toIso: string): Promise<ScheduleSlot[]>;
  get(id: string): Promise<ScheduleSlot | undefined>;
  create(slot: ScheduleSlot): Promise<void>;
  /** Replaces a slot's plan (its id, author and creation time stay); returns the slot as it was. */
  update(slot: ScheduleSlot): Promise<ScheduleSlot | undefined>;
  remove(id: string): Promise<ScheduleSlot | undefined>;
  markApplied(id: string, at: string): Promise<void>;
}

interface Row {
  id: string;
  kind: string;
  target_type: string | null;
  target_id: string | null;
  scene: string | null;
  item: string | null;
  published: number | null;
  applied_at: string | null;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
}

const toSlot = (r: Row): ScheduleSlot =>
  ScheduleSlotSchema.parse(
    r.kind === 'item-publish'
      ? { id: r.id, kind: r.kind, item: r.item, published: r.published === 1, startsAt: r.starts_at, endsAt: r.ends_at, appliedAt: r.applied_at, createdBy: r.created_by, createdAt: r.created_at }
      : { id: r.id, kind: r.kind, target: { type: r.target_type, id: r.target_id }, scene: r.scene, startsAt: r.starts_at, endsAt: r.ends_at, createdBy: r.created_by, createdAt: r.created_at },
  );

/** A slot's plan as columns: a scene pin leaves the publish columns empty, and the other way round. */
const columns = (s: ScheduleSlot): Omit<Row, 'id' | 'created_by' | 'created_at'> =>
  s.kind === 'scene-pin'
    ? { kind: s.kind, target_type: s.target.type, target_id: s.target.id, scene: s.scene, item: null, published: null, applied_at: null, starts_at: s.startsAt, ends_at: s.endsAt }
    : { kind: s.kind, target_type: null, target_id: null, scene: null, item: s.item, published: s.published ? 1 : 0, applied_at: s.appliedAt, starts_at: s.startsAt, ends_at: s.endsAt };

export class SqlScheduleRepository implements ScheduleRepository {
  constructor(private readonly storage: Storage) {}

  async upcoming(fromIso: string): Promise<ScheduleSlot[]> {
    // Publish slots not yet applied count as upcoming whenever they were due (the server may have been down).
    const { rows } = await sql<Row>`
      SELECT * FROM schedule_slots WHERE ends_at > ${fromIso} OR (kind = 'item-publish' AND applied_at IS NULL)
      ORDER BY starts_at, id`.execute(this.storage.db);
    return rows.map(toSlot);
  }

  async between(fromIso: string, toIso: string): Promise<ScheduleSlot[]> {
    const { rows } = await sql<Row>`
      SELECT * FROM schedule_slots WHERE ends_at > ${fromIso} AND starts_at < ${toIso} ORDER BY starts_at, id`.execute(this.storage.db);
    return rows.map(toSlot);
  }

  async get(id: string): Promise<ScheduleSlot | undefined> {
    const row = await this.row(id);
    return row ? toSlot(row) : undefined;
  }

  async create(s: ScheduleSlot): Promise<void> {
    const plan = columns(s);
    await sql`
      INSERT INTO schedule_slots (id, kind, target_type, target_id, scene, item, published, applied_at, starts_at, ends_at, created_by, created_at)
      VALUES (${s.id}, ${plan.kind}, ${plan.target_type}, ${plan.target_id}, ${plan.scene}, ${plan.item}, ${plan.published}, ${plan.applied_at},
        ${plan.starts_at}, ${plan.ends_at}, ${s.createdBy}, ${s.createdAt})`.execute(this.storage.db);
  }

  async update(s: ScheduleSlot): Promise<ScheduleSlot | undefined> {
    return this.storage.transaction(async () => {
      const row = await this.row(s.id);
      if (!row) return undefined;
      const plan = columns(s);
      await sql`
        UPDATE schedule_slots SET kind = ${plan.kind}, target_type = ${plan.target_type}, target_id = ${plan.target_id}, scene = ${plan.scene},
          item = ${plan.item}, published = ${plan.published}, applied_at = ${plan.applied_at}, starts_at = ${plan.starts_at}, ends_at = ${plan.ends_at}
        WHERE id = ${s.id}`.execute(this.storage.db);
      return toSlot(row);
    });
  }

  async markApplied(id: string, at: string): Promise<void> {
    await sql`UPDATE schedule_slots SET applied_at = ${at} WHERE id = ${id}`.execute(this.storage.db);
  }

  async remove(id: string): Promise<ScheduleSlot | undefined> {
    return this.storage.transaction(async () => {
      const row = await this.row(id);
      if (row) await sql`DELETE FROM schedule_slots WHERE id = ${id}`.execute(this.storage.db);
      return row ? toSlot(row) : undefined;
    });
  }

  private async row(id: string): Promise<Row | undefined> {
    const { rows } = await sql<Row>`SELECT * FROM schedule_slots WHERE id = ${id}`.execute(this.storage.db);
    return rows[0];
  }
}
