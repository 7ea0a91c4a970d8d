import type { UserRole } from '../../shared/auth.schema';
import type { Db } from '../storage/database';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: UserRole;
  disabled: boolean;
  createdAt?: string;
}

export interface UsersRepository {
  count(): number;
  findByUsername(username: string): UserRecord | undefined;
  findById(id: string): UserRecord | undefined;
  create(user: UserRecord, createdAt: string): void;
  list(): UserRecord[];
  update(id: string, changes: { role?: UserRole; disabled?: boolean; passwordHash?: string }): void;
  /** Runs `fn` in one transaction (a change and its audit entry commit together). */
  transaction<T>(fn: () => T): T;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  disabled: number;
  created_at: string;
}

const toRecord = (row: UserRow | undefined): UserRecord | undefined =>
  row && { id: row.id, username: row.username, passwordHash: row.password_hash, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };

export class SqliteUsersRepository implements UsersRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
  }

  findByUsername(username: string): UserRecord | undefined {
    return toRecord(this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username));
  }

  findById(id: string): UserRecord | undefined {
    return toRecord(this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id));
  }

  create(user: UserRecord, createdAt: string): void {
    this.db
      .prepare('INSERT INTO users (id, username, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.id, user.username, user.passwordHash, user.role, user.disabled ? 1 : 0, createdAt);
  }

  list(): UserRecord[] {
    return this.db
      .prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, username')
      .all()
      .map((row) => toRecord(row)!);
  }

  update(id: string, changes: { role?: UserRole; disabled?: boolean; passwordHash?: string }): void {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    if (!row) return;
    this.db
      .prepare('UPDATE users SET role = ?, disabled = ?, password_hash = ? WHERE id = ?')
      .run(changes.role ?? row.role, changes.disabled === undefined ? row.disabled : changes.disabled ? 1 : 0, changes.passwordHash ?? row.password_hash, id);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
