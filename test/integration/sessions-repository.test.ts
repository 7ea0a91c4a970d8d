import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqlSessionsRepository } from '../../server/auth/sessions.repository';
import { migrate, MIGRATIONS } from '../../server/storage/migrations';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';

const sessionJson = (userId: string) => JSON.stringify({ cookie: { originalMaxAge: 60_000 }, user: { id: userId, username: userId, role: 'operator' } });

describe('sessions repository', () => {
  it('keeps the sessions signed in before the user_id column existed, and finds them by user', async () => {
    const db = new Database(':memory:');
    // The schema as it was before the sessions got their user_id column.
    const userIdMigration = MIGRATIONS.findIndex((sql) => sql.includes('ALTER TABLE sessions ADD COLUMN user_id'));
    expect(userIdMigration).toBeGreaterThan(0);
    for (const [version, sql] of MIGRATIONS.slice(0, userIdMigration).entries()) {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }
    const insert = db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)');
    insert.run('s-ann-1', sessionJson('ann'), 2_000);
    insert.run('s-ann-2', sessionJson('ann'), 2_000);
    insert.run('s-bob', sessionJson('bob'), 2_000);
    migrate(db);

    const storage = openSqliteStorage({ db, closeWithStorage: true });
    const sessions = new SqlSessionsRepository(storage);
    expect(await sessions.find('s-bob', 1_000)).toMatchObject({ userId: 'bob', expiresAt: 2_000 });
    expect((await sessions.deleteForUser('ann')).sort()).toEqual(['s-ann-1', 's-ann-2']);
    expect(await sessions.find('s-ann-1', 1_000)).toBeUndefined();
    expect((await sessions.find('s-bob', 1_000))?.userId).toBe('bob');
    // The lookup by user goes through the index, not a scan of every session's JSON.
    const plan = db.prepare("EXPLAIN QUERY PLAN DELETE FROM sessions WHERE user_id = 'ann' RETURNING sid").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('sessions_by_user');
    await storage.close();
  });

  it('treats an expired session as gone and sweeps it', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const storage = openSqliteStorage({ db, closeWithStorage: true });
    const sessions = new SqlSessionsRepository(storage);
    await sessions.save('s1', { data: sessionJson('ann'), userId: 'ann', expiresAt: 1_000 });
    await sessions.save('s2', { data: sessionJson('ann'), userId: 'ann', expiresAt: 5_000 });
    expect(await sessions.find('s1', 1_000)).toBeUndefined();
    await sessions.deleteExpired(1_000);
    expect(await sessions.deleteForUser('ann')).toEqual(['s2']);
    await storage.close();
  });
});
