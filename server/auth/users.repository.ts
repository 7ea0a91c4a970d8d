import { sql } from 'kysely';
import type { UserRole } from '../../shared/auth.schema';
import type { Storage } from '../storage/storage';

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

export class SqlUsersRepository implements UsersRepository {
  constructor(private readonly storage: Storage) {}

  async count(): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM users`.execute(this.storage.db);
    return Number(rows[0]!.n);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    // Usernames are unique whatever their case (Ann and ann are one operator); lower() says so on both engines.
    const { rows } = await sql<UserRow>`SELECT * FROM users WHERE lower(username) = lower(${username})`.execute(this.storage.db);
    return toRecord(rows[0]);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const { rows } = await sql<UserRow>`SELECT * FROM users WHERE id = ${id}`.execute(this.storage.db);
    return toRecord(rows[0]);
  }

  async create(user: UserRecord, createdAt: string): Promise<void> {
    await sql`INSERT INTO users (id, username, password_hash, role, disabled, created_at)
      VALUES (${user.id}, ${user.username}, ${user.passwordHash}, ${user.role}, ${user.disabled ? 1 : 0}, ${createdAt})`.execute(this.storage.db);
  }

  async list(): Promise<UserRecord[]> {
    const { rows } = await sql<UserRow>`SELECT * FROM users ORDER BY created_at, username`.execute(this.storage.db);
    return rows.map((row) => toRecord(row)!);
  }

  async update(id: string, changes: { role?: UserRole; disabled?: boolean; passwordHash?: string }): Promise<void> {
    // One statement: what is not changed keeps its stored value (coalesce of a NULL parameter).
    const disabled = changes.disabled === undefined ? null : changes.disabled ? 1 : 0;
    await sql`UPDATE users SET role = coalesce(${changes.role ?? null}, role), disabled = coalesce(${disabled}, disabled),
      password_hash = coalesce(${changes.passwordHash ?? null}, password_hash) WHERE id = ${id}`.execute(this.storage.db);
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
