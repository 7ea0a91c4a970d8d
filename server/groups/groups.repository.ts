import { sql } from 'kysely';
import type { ScreenGroup } from '../../shared/groups.schema';
import type { Storage } from '../storage/storage';

export interface GroupsRepository {
  list(): Promise<ScreenGroup[]>;
  find(id: string): Promise<ScreenGroup | undefined>;
  /** Creates or replaces a group with exactly these members. */
  save(group: ScreenGroup): Promise<void>;
  remove(id: string): Promise<boolean>;
}

interface GroupRow {
  id: string;
  name: string;
  created_at: string;
  created_by: string;
}

export class SqlGroupsRepository implements GroupsRepository {
  constructor(private readonly storage: Storage) {}

  async list(): Promise<ScreenGroup[]> {
    // Two queries, not one per group: the fleet view asks for groups at every push.
    const db = this.storage.db;
    const { rows: memberRows } = await sql<{ group_id: string; device_id: string }>`SELECT group_id, device_id FROM screen_group_members ORDER BY device_id`.execute(db);
    const members = new Map<string, string[]>();
    for (const row of memberRows) {
      const list = members.get(row.group_id) ?? [];
      list.push(row.device_id);
      members.set(row.group_id, list);
    }
    const { rows } = await sql<GroupRow>`SELECT id, name, created_at, created_by FROM screen_groups ORDER BY lower(name), id`.execute(db);
    return rows.map((r) => ({ id: r.id, name: r.name, deviceIds: members.get(r.id) ?? [], createdAt: r.created_at, createdBy: r.created_by }));
  }

  async find(id: string): Promise<ScreenGroup | undefined> {
    const db = this.storage.db;
    const { rows } = await sql<GroupRow>`SELECT id, name, created_at, created_by FROM screen_groups WHERE id = ${id}`.execute(db);
    const row = rows[0];
    if (!row) return undefined;
    const { rows: memberRows } = await sql<{ device_id: string }>`SELECT device_id FROM screen_group_members WHERE group_id = ${id} ORDER BY device_id`.execute(db);
    return { id: row.id, name: row.name, deviceIds: memberRows.map((m) => m.device_id), createdAt: row.created_at, createdBy: row.created_by };
  }

  async save(group: ScreenGroup): Promise<void> {
    await this.storage.transaction(async () => {
      const db = this.storage.db;
      await sql`INSERT INTO screen_groups (id, name, created_at, created_by) VALUES (${group.id}, ${group.name}, ${group.createdAt}, ${group.createdBy})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name`.execute(db);
      await sql`DELETE FROM screen_group_members WHERE group_id = ${group.id}`.execute(db);
      if (group.deviceIds.length === 0) return;
      // All members in one statement; a device listed twice is one member.
      const members = sql.join(group.deviceIds.map((deviceId) => sql`(${group.id}, ${deviceId})`));
      await sql`INSERT INTO screen_group_members (group_id, device_id) VALUES ${members} ON CONFLICT DO NOTHING`.execute(db);
    });
  }

  async remove(id: string): Promise<boolean> {
    return this.storage.transaction(async () => {
      const db = this.storage.db;
      await sql`DELETE FROM screen_group_members WHERE group_id = ${id}`.execute(db);
      const result = await sql`DELETE FROM screen_groups WHERE id = ${id}`.execute(db);
      return Number(result.numAffectedRows ?? 0) === 1;
    });
  }
}
