import { randomUUID } from 'node:crypto';
import type { CreateUser, UpdateUser, User } from '../../shared/auth.schema';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError, badRequest, notFound } from '../platform/errors';
import { hashPassword } from './passwords';
import type { UserRecord, UsersRepository } from './users.repository';
import type { DomainEventPublisher } from '../platform/domain-events';

export interface UsersServiceDeps {
  repository: UsersRepository;
  audit: AuditService;
  now: () => number;
  /** Told when a user's sessions must end (disabled, role changed or password reset). */
  bus: DomainEventPublisher;
}

const toUser = (u: UserRecord): User => ({ id: u.id, username: u.username, role: u.role, disabled: u.disabled, createdAt: u.createdAt ?? '' });

/** Accounts, managed by admins. Every change is audited, without password hashes. */
export class UsersService {
  constructor(private readonly deps: UsersServiceDeps) {}

  async list(): Promise<User[]> {
    return (await this.deps.repository.list()).map(toUser);
  }

  /** Judge accounts that are not disabled (the roadshow counts their scores). */
  async activeJudges(): Promise<{ id: string; username: string }[]> {
    return (await this.deps.repository.list())
      .filter((u) => u.role === 'judge' && !u.disabled)
      .map((u) => ({ id: u.id, username: u.username }));
  }

  async create(input: CreateUser, actor: Actor): Promise<User> {
    if (await this.deps.repository.findByUsername(input.username)) throw new AppError(409, 'username_taken', `username: "${input.username}" is already taken`);
    const record: UserRecord = { id: randomUUID(), username: input.username, passwordHash: await hashPassword(input.password), role: input.role, disabled: false };
    const createdAt = new Date(this.deps.now()).toISOString();
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.create(record, createdAt);
      await this.deps.audit.record(actor, { action: 'user.create', targetType: 'user', targetId: record.id, after: { username: record.username, role: record.role } });
    });
    this.deps.bus.publish('users.changed', {});
    return toUser({ ...record, createdAt });
  }

  async update(id: string, changes: UpdateUser, actor: Actor): Promise<User> {
    const before = await this.existing(id);
    if (id === actor.id && (changes.disabled === true || (changes.role && changes.role !== 'admin'))) {
      throw badRequest('You cannot disable or demote your own account (ask another admin)', 'self_lockout');
    }
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.update(id, changes);
      await this.deps.audit.record(actor, { action: 'user.update', targetType: 'user', targetId: id, before: { role: before.role, disabled: before.disabled }, after: changes });
    });
    this.deps.bus.publish('users.changed', {});
    if (changes.disabled) this.deps.bus.publish('user.access-changed', { userId: id, reason: 'disabled' });
    else if (changes.role && changes.role !== before.role) this.deps.bus.publish('user.access-changed', { userId: id, reason: 'role' });
    return toUser(await this.existing(id));
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    await this.existing(id);
    const passwordHash = await hashPassword(password);
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.update(id, { passwordHash });
      await this.deps.audit.record(actor, { action: 'user.password-reset', targetType: 'user', targetId: id });
    });
    this.deps.bus.publish('user.access-changed', { userId: id, reason: 'password' });
  }

  private async existing(id: string): Promise<UserRecord> {
    const user = await this.deps.repository.findById(id);
    if (!user) throw notFound(`No user with id "${id}"`);
    return user;
  }
}
