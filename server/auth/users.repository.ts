import type { UserRole } from '../../shared/auth.schema';
import type { Db } from '../storage/database';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: UserRole;
  disabled: boolean;
}

export interface UsersRepository {
  count(): number;
  findByUsername(username: string): UserRecord | undefined;
  findById(id: string): UserRecord | undefined;
  create(user: UserRecord, createdAt: string): void;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  disabled: number;
}

const toRecord = (row: UserRow | undefined): UserRecord | undefined =>
  row && { id: row.id, username: row.username, passwordHash: row.password_hash, role: row.role, disabled: row.disabled === 1 };

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
}
