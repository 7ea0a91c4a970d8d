import { ScheduleSlotSchema, type ScheduleSlot } from '../../shared/schedule.schema';
import type { Db } from '../storage/database';

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

export class SqliteScheduleRepository implements ScheduleRepository {
  private readonly selectUpcoming;
  private readonly selectBetween;
  private readonly selectOne;
  private readonly insert;
  private readonly deleteOne;
  private readonly replace;
  private readonly applied;

  constructor(private readonly db: Db) {
    // Publish slots not yet applied count as upcoming whenever they were due (the server may have been down).
    this.selectUpcoming = db.prepare<[string], Row>("SELECT * FROM schedule_slots WHERE ends_at > ? OR (kind = 'item-publish' AND applied_at IS NULL) ORDER BY starts_at, id");
    this.selectBetween = db.prepare<[string, string], Row>('SELECT * FROM schedule_slots WHERE ends_at > ? AND starts_at < ? ORDER BY starts_at, id');
    this.selectOne = db.prepare<[string], Row>('SELECT * FROM schedule_slots WHERE id = ?');
    this.insert = db.prepare(
      'INSERT INTO schedule_slots (id, kind, target_type, target_id, scene, item, published, applied_at, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.deleteOne = db.prepare('DELETE FROM schedule_slots WHERE id = ?');
    this.replace = db.prepare(
      'UPDATE schedule_slots SET kind = ?, target_type = ?, target_id = ?, scene = ?, item = ?, published = ?, applied_at = ?, starts_at = ?, ends_at = ? WHERE id = ?',
    );
    this.applied = db.prepare('UPDATE schedule_slots SET applied_at = ? WHERE id = ?');
  }

  async upcoming(fromIso: string): Promise<ScheduleSlot[]> {
    return this.selectUpcoming.all(fromIso).map(toSlot);
  }

  async between(fromIso: string, toIso: string): Promise<ScheduleSlot[]> {
    return this.selectBetween.all(fromIso, toIso).map(toSlot);
  }

  async get(id: string): Promise<ScheduleSlot | undefined> {
    const row = this.selectOne.get(id);
    return row ? toSlot(row) : undefined;
  }

  async create(s: ScheduleSlot): Promise<void> {
    if (s.kind === 'scene-pin') this.insert.run(s.id, s.kind, s.target.type, s.target.id, s.scene, null, null, null, s.startsAt, s.endsAt, s.createdBy, s.createdAt);
    else this.insert.run(s.id, s.kind, null, null, null, s.item, s.published ? 1 : 0, s.appliedAt, s.startsAt, s.endsAt, s.createdBy, s.createdAt);
  }

  async update(s: ScheduleSlot): Promise<ScheduleSlot | undefined> {
    return this.db.transaction(() => {
      const row = this.selectOne.get(s.id);
      if (!row) return undefined;
      if (s.kind === 'scene-pin') this.replace.run(s.kind, s.target.type, s.target.id, s.scene, null, null, null, s.startsAt, s.endsAt, s.id);
      else this.replace.run(s.kind, null, null, null, s.item, s.published ? 1 : 0, s.appliedAt, s.startsAt, s.endsAt, s.id);
      return toSlot(row);
    })();
  }

  async markApplied(id: string, at: string): Promise<void> {
    this.applied.run(at, id);
  }

  async remove(id: string): Promise<ScheduleSlot | undefined> {
    return this.db.transaction(() => {
      const row = this.selectOne.get(id);
      if (row) this.deleteOne.run(id);
      return row ? toSlot(row) : undefined;
    })();
  }
}
