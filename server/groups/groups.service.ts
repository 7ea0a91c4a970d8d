import { randomUUID } from 'node:crypto';
import type { DeviceCommandInput } from '../../shared/devices.schema';
import type { CreateGroup, ScreenGroup, UpdateGroup } from '../../shared/groups.schema';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../platform/errors';
import type { GroupsRepository } from './groups.repository';
import type { DomainEventPublisher, DomainEventSource } from '../platform/domain-events';

/** What groups need from the fleet. */
export interface GroupFleet {
  isActive(deviceId: string): boolean;
  /** Sends without auditing (the group command is audited once); returns connections reached. */
  deliver(deviceId: string, command: DeviceCommandInput): Promise<number>;
}

export interface GroupsServiceDeps {
  repository: GroupsRepository;
  audit: AuditService;
  fleet: GroupFleet;
  now: () => number;
  /** Told when a group was created, renamed, deleted or changed members (announcements aimed at it, the run of show and the console's fleet view follow). */
  bus: DomainEventPublisher & DomainEventSource;
}

const invalid = (field: string, message: string) => new AppError(400, 'validation_failed', `${field}: ${message}`, { fields: { [field]: message } });

/**
 * Screen groups ("Hall A kiosks"): operators name a set of screens once, then aim announcements,
 * commands and schedule slots at it. A screen may be in several groups. Membership is checked
 * against the fleet when it is set; a screen revoked later simply stops receiving anything.
 */
export class GroupsService {
  // Announcements ask for members at every broadcast; the list changes only through this service.
  private cache: ScreenGroup[] = [];

  constructor(private readonly deps: GroupsServiceDeps) {
    deps.bus.on('group.changed', (_, { origin }) => (origin === 'remote' ? this.load() : undefined));
  }

  /** Reads the groups from storage (at start, and after every change). */
  async load(): Promise<void> {
    this.cache = await this.deps.repository.list();
  }

  list(): ScreenGroup[] {
    return this.cache;
  }

  find(id: string): ScreenGroup | undefined {
    return this.list().find((g) => g.id === id);
  }

  /** The member screens of a group, or undefined when there is no such group. */
  members(id: string): string[] | undefined {
    return this.find(id)?.deviceIds;
  }

  /** The groups a screen is in. */
  groupsOf(deviceId: string): ScreenGroup[] {
    return this.list().filter((g) => g.deviceIds.includes(deviceId));
  }

  async create(input: CreateGroup, actor: Actor): Promise<ScreenGroup> {
    this.checkName(input.name, null);
    const group: ScreenGroup = {
      id: randomUUID(),
      name: input.name,
      deviceIds: this.checkMembers(input.deviceIds),
      createdAt: new Date(this.deps.now()).toISOString(),
      createdBy: actor.username,
    };
    await this.deps.repository.save(group);
    await this.deps.audit.record(actor, { action: 'group.create', targetType: 'group', targetId: group.id, after: { name: group.name, deviceIds: group.deviceIds } });
    await this.changed(group.id);
    return group;
  }

  async update(id: string, input: UpdateGroup, actor: Actor): Promise<ScreenGroup> {
    const before = this.existing(id);
    this.checkName(input.name, id);
    const group: ScreenGroup = { ...before, name: input.name, deviceIds: this.checkMembers(input.deviceIds) };
    await this.deps.repository.save(group);
    await this.deps.audit.record(actor, {
      action: 'group.update',
      targetType: 'group',
      targetId: id,
      before: { name: before.name, deviceIds: before.deviceIds },
      after: { name: group.name, deviceIds: group.deviceIds },
    });
    await this.changed(id);
    return group;
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const before = this.existing(id);
    await this.deps.repository.remove(id);
    await this.deps.audit.record(actor, { action: 'group.delete', targetType: 'group', targetId: id, before: { name: before.name, deviceIds: before.deviceIds } });
    await this.changed(id);
  }

  /** Sends a command to every member; audited once, as a command to the group. */
  async command(id: string, input: DeviceCommandInput, actor: Actor): Promise<{ delivered: number; screens: number }> {
    const group = this.existing(id);
    await this.deps.audit.record(actor, { action: `group.command.${input.type}`, targetType: 'group', targetId: id, after: input });
    const delivered = (await Promise.all(group.deviceIds.map((deviceId) => this.deps.fleet.deliver(deviceId, input)))).reduce((sum, n) => sum + n, 0);
    return { delivered, screens: group.deviceIds.length };
  }

  private existing(id: string): ScreenGroup {
    const group = this.find(id);
    if (!group) throw notFound(`No screen group "${id}"`);
    return group;
  }

  private checkName(name: string, self: string | null): void {
    const taken = this.list().some((g) => g.id !== self && g.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (taken) throw invalid('name', `a group named "${name}" already exists`);
  }

  private checkMembers(deviceIds: readonly string[]): string[] {
    const unique = [...new Set(deviceIds)];
    unique.forEach((deviceId) => {
      if (!this.deps.fleet.isActive(deviceId)) throw invalid(`deviceIds[${deviceIds.indexOf(deviceId)}]`, `no active screen "${deviceId}"`);
    });
    return unique.sort();
  }

  private async changed(groupId: string): Promise<void> {
    await this.load();
    this.deps.bus.publish('group.changed', { groupId });
    this.deps.bus.publish('fleet.changed', { cause: 'group' });
  }
}
