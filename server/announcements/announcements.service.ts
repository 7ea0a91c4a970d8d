import { randomUUID } from 'node:crypto';
import type { Announcement, CreateAnnouncement, ListedAnnouncement } from '../../shared/announcements.schema';
import { announcementState, announcementWindowProblem, UNTIL_WITHDRAWN_EXPIRY } from '../../shared/announcements.rules';
import type { Actor, AuditService } from '../audit/audit.service';
import { badRequest, notFound } from '../platform/errors';
import type { AnnouncementsRepository, StoredAnnouncement } from './announcements.repository';
import type { DomainEventContext, DomainEventPublisher, DomainEventSource } from '../platform/domain-events';

export interface AnnouncementsServiceDeps {
  repository: AnnouncementsRepository;
  audit: AuditService;
  now: () => number;
  fleet: { isActive(deviceId: string): boolean };
  /** The member screens of a screen group; undefined when there is no such group. */
  groups: { members(groupId: string): string[] | undefined };
  /** Told whenever the set of active announcements changes (created, withdrawn, started, expired); tells it when a group changed. */
  bus: DomainEventPublisher & DomainEventSource;
}

// setTimeout cannot wait longer than this; a later boundary is re-checked when this fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

const strip = ({ withdrawnAt: _w, createdBy: _b, createdAt: _c, ...announcement }: StoredAnnouncement): Announcement => announcement;

/**
 * Announcements appear on screens at their start and vanish at their expiry by themselves: a timer
 * waits for the next start or expiry and then tells every screen the new active set.
 */
export class AnnouncementsService {
  private current: StoredAnnouncement[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: AnnouncementsServiceDeps) {
    // The node where the group changed tells the others with its own announcement.active-changed.
    deps.bus.on('group.changed', ({ groupId }, { origin }) => (origin === 'local' ? this.groupChanged(groupId) : undefined));
    // Another node created, withdrew, started or expired one: its list is in storage.
    const reload = (_: unknown, { origin }: DomainEventContext) => (origin === 'remote' ? this.load() : undefined);
    deps.bus.on('announcement.active-changed', reload);
    deps.bus.on('announcement.stored', reload);
  }

  /** Reads the announcements still to come or showing, and starts the timer (at start, and when another node changed them). */
  async load(): Promise<void> {
    this.current = await this.deps.repository.current(this.nowIso());
    this.schedule();
  }

  /** Showing now, in start order: what the snapshot and the `announcements` patch carry. */
  active(): Announcement[] {
    const now = this.nowIso();
    return this.current.filter((a) => a.startsAt <= now && a.expiresAt > now).map((a) => this.withMembers(strip(a)));
  }

  /** A group's announcement names the group's members now, so screens need no list of groups. */
  private withMembers(a: Announcement): Announcement {
    return a.target === 'group' && a.groupId ? { ...a, deviceIds: this.deps.groups.members(a.groupId) ?? [] } : a;
  }

  /** A screen group changed: if one of its announcements is up, screens get the new audience. */
  groupChanged(groupId: string | null): void {
    const now = this.nowIso();
    if (this.current.some((a) => a.target === 'group' && (groupId === null || a.groupId === groupId) && a.startsAt <= now)) this.deps.bus.publish('announcement.active-changed', {});
  }

  /** The latest announcements in any state, for the console. */
  async recent(): Promise<ListedAnnouncement[]> {
    const now = this.deps.now();
    return (await this.deps.repository.recent(100)).map((a) => ({ ...a, state: announcementState(a, now) }));
  }

  async create(input: CreateAnnouncement, actor: Actor): Promise<StoredAnnouncement> {
    const now = this.deps.now();
    const startsAt = input.startsAt ? Date.parse(input.startsAt) : now;
    const untilWithdrawn = input.untilWithdrawn === true;
    const expiresAt = untilWithdrawn ? Date.parse(UNTIL_WITHDRAWN_EXPIRY) : Date.parse(input.expiresAt!);
    const windowProblem = untilWithdrawn ? undefined : announcementWindowProblem(startsAt, expiresAt, now);
    if (windowProblem) throw badRequest(`expiresAt: ${windowProblem}`, 'validation_failed');
    if (input.deviceId && !this.deps.fleet.isActive(input.deviceId)) throw badRequest(`deviceId: no active device "${input.deviceId}"`, 'validation_failed');
    if (input.groupId && !this.deps.groups.members(input.groupId)) throw badRequest(`groupId: no screen group "${input.groupId}"`, 'validation_failed');
    const announcement: StoredAnnouncement = {
      id: randomUUID(),
      text: input.text,
      target: input.target,
      deviceId: input.deviceId ?? null,
      groupId: input.groupId ?? null,
      urgent: input.urgent,
      startsAt: new Date(startsAt).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      untilWithdrawn,
      withdrawnAt: null,
      createdBy: actor.username,
      createdAt: new Date(now).toISOString(),
    };
    await this.deps.repository.create(announcement);
    // The audience as it was: a group's members at that moment, so the log can be filtered by screen.
    await this.deps.audit.record(actor, { action: 'announcement.create', targetType: 'announcement', targetId: announcement.id, after: this.withMembers(strip(announcement)) });
    this.current.push(announcement);
    this.current.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    this.deps.bus.publish(startsAt <= now ? 'announcement.active-changed' : 'announcement.stored', {});
    this.schedule();
    return announcement;
  }

  /** Takes an announcement off every screen now. */
  async withdraw(id: string, actor: Actor): Promise<void> {
    const wasActive = this.active().some((a) => a.id === id);
    const before = this.current.find((a) => a.id === id);
    if (!(await this.deps.repository.withdraw(id, this.nowIso()))) throw notFound(`No announcement "${id}" to withdraw`);
    await this.deps.audit.record(actor, { action: 'announcement.withdraw', targetType: 'announcement', targetId: id, before: before ? strip(before) : null });
    this.current = this.current.filter((a) => a.id !== id);
    this.deps.bus.publish(wasActive ? 'announcement.active-changed' : 'announcement.stored', {});
    this.schedule();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const now = this.deps.now();
    const boundaries = this.current.flatMap((a) => [Date.parse(a.startsAt), Date.parse(a.expiresAt)]).filter((t) => t > now);
    if (boundaries.length === 0) return;
    const wait = Math.min(Math.min(...boundaries) - now, MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      const nowIso = this.nowIso();
      this.current = this.current.filter((a) => a.expiresAt > nowIso);
      this.deps.bus.publish('announcement.active-changed', {});
      this.schedule();
    }, wait);
    this.timer.unref();
  }
}
