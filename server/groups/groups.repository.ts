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

/** A group with one of its members (NULL when it has none), as the join gives them. */
interface GroupMemberRow {
  id: string;
  name: string;
  created_at: string;
  created_by: string;
  device_id: string | null;
}

/** Folds the join's rows, in their order, into groups. */
function toGroups(rows: GroupMemberRow[]): ScreenGroup[] {
  const groups = new Map<string, ScreenGroup>();
  for (const r of rows) {
    let group = groups.get(r.id);
    if (!group) {
      group = { id: r.id, name: r.name, deviceIds: [], createdAt: r.created_at, createdBy: r.created_by };
      groups.set(r.id, group);
    }
    if (r.device_id !== null) group.deviceIds.push(r.device_id);
  }
  return [...groups.values()];
}

// One statement per read: the fleet view asks for groups at every push, and one statement sees one
// snapshot on both engines (a save between two queries could not split a group from its members).
const SELECT_GROUPS = sql`SELECT g.id, g.name, g.created_at, g.created_by, m.device_id
  FROM screen_groups g LEFT JOIN screen_group_members m ON m.group_id = g.id`;

export class SqlGroupsRepository implements GroupsRepository {
  constructor(private readonly storage: Storage) {}

  async list(): Promise<ScreenGroup[]> {
    const { rows } = await sql<GroupMemberRow>`${SELECT_GROUPS} ORDER BY lower(g.name), g.id, m.device_id`.execute(this.storage.db);
    return toGroups(rows);
  }

  async find(id: string): Promise<ScreenGroup | undefined> {
    const { rows } = await sql<GroupMemberRow>`${SELECT_GROUPS} WHERE g.id = ${id} ORDER BY m.device_id`.execute(this.storage.db);
    return toGroups(rows)[0];
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
