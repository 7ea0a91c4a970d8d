import type { ScreenGroup } from '../../shared/groups.schema';
import type { Db } from '../storage/database';

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

export class SqliteGroupsRepository implements GroupsRepository {
  // Prepared once: the fleet view asks for groups at every push.
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectMembers;
  private readonly selectAllMembers;
  private readonly upsert;
  private readonly clearMembers;
  private readonly addMember;
  private readonly deleteGroup;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], GroupRow>('SELECT id, name, created_at, created_by FROM screen_groups ORDER BY name COLLATE NOCASE, id');
    this.selectOne = db.prepare<[string], GroupRow>('SELECT id, name, created_at, created_by FROM screen_groups WHERE id = ?');
    this.selectMembers = db.prepare<[string], { device_id: string }>('SELECT device_id FROM screen_group_members WHERE group_id = ? ORDER BY device_id');
    this.selectAllMembers = db.prepare<[], { group_id: string; device_id: string }>('SELECT group_id, device_id FROM screen_group_members ORDER BY device_id');
    this.upsert = db.prepare('INSERT INTO screen_groups (id, name, created_at, created_by) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name');
    this.clearMembers = db.prepare('DELETE FROM screen_group_members WHERE group_id = ?');
    this.addMember = db.prepare('INSERT OR IGNORE INTO screen_group_members (group_id, device_id) VALUES (?, ?)');
    this.deleteGroup = db.prepare('DELETE FROM screen_groups WHERE id = ?');
  }

  async list(): Promise<ScreenGroup[]> {
    const members = new Map<string, string[]>();
    for (const row of this.selectAllMembers.all()) {
      const list = members.get(row.group_id) ?? [];
      list.push(row.device_id);
      members.set(row.group_id, list);
    }
    return this.selectAll.all().map((r) => ({ id: r.id, name: r.name, deviceIds: members.get(r.id) ?? [], createdAt: r.created_at, createdBy: r.created_by }));
  }

  async find(id: string): Promise<ScreenGroup | undefined> {
    const row = this.selectOne.get(id);
    if (!row) return undefined;
    return { id: row.id, name: row.name, deviceIds: this.selectMembers.all(id).map((m) => m.device_id), createdAt: row.created_at, createdBy: row.created_by };
  }

  async save(group: ScreenGroup): Promise<void> {
    this.db.transaction(() => {
      this.upsert.run(group.id, group.name, group.createdAt, group.createdBy);
      this.clearMembers.run(group.id);
      for (const deviceId of group.deviceIds) this.addMember.run(group.id, deviceId);
    })();
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.clearMembers.run(id);
      return this.deleteGroup.run(id).changes === 1;
    })();
  }
}
