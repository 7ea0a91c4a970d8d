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
  count(): Promise<number>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  create(user: UserRecord, createdAt: string): Promise<void>;
  list(): Promise<UserRecord[]>;
  update(id: string, changes: { role?: UserRole; disabled?: boolean; passwordHash?: string }): Promise<void>;
  /** Runs `fn` in one transaction (a change and its audit entry commit together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
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

  async count(): Promise<number> {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    return toRecord(this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username));
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    return toRecord(this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id));
  }

  async create(user: UserRecord, createdAt: string): Promise<void> {
    this.db
      .prepare('INSERT INTO users (id, username, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.id, user.username, user.passwordHash, user.role, user.disabled ? 1 : 0, createdAt);
  }

  async list(): Promise<UserRecord[]> {
    return this.db
      .prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, username')
      .all()
      .map((row) => toRecord(row)!);
  }

  async update(id: string, changes: { role?: UserRole; disabled?: boolean; passwordHash?: string }): Promise<void> {
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
