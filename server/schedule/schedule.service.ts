import { randomUUID } from 'node:crypto';
import type { DeviceCommandInput } from '../../shared/devices.schema';
import { activeSlot, conflictsOf, slotConflicts } from '../../shared/schedule.rules';
import type { CreateSlot, PublishSlot, ScenePinSlot, ScheduleSlot } from '../../shared/schedule.schema';
import { startOfDay } from '../../shared/time-zone';
import type { Actor, AuditService } from '../audit/audit.service';
import type { Logger } from '../platform/logger';
import type { DomainEventPublisher, DomainEventSource } from '../platform/domain-events';
import { AppError, notFound } from '../platform/errors';
import type { ScheduleRepository } from './schedule.repository';

export interface ScheduleFleet {
  isActive(deviceId: string): boolean;
  /** Sends without auditing (the slot was audited when it was planned). */
  deliver(deviceId: string, command: DeviceCommandInput): Promise<number>;
}

/** What publishing at set times needs from content. */
export interface ScheduleContent {
  hasItem(itemId: string): boolean;
  /** Publishes or unpublishes an item as `actor` (audited and broadcast like an operator's change). */
  setPublished(itemId: string, published: boolean, actor: Actor): Promise<void>;
}

export interface ScheduleServiceDeps {
  repository: ScheduleRepository;
  content: ScheduleContent;
  audit: AuditService;
  fleet: ScheduleFleet;
  /** The member screens of a screen group; undefined when there is no such group. */
  groups: { members(groupId: string): string[] | undefined };
  timeZone: string;
  now: () => number;
  logger: Logger;
  /** Tells it when a screen connected (it is told what it missed) or a group changed (pins follow). */
  bus: DomainEventSource & DomainEventPublisher;
  /** How often the plan is compared with what screens were told (default 1 s). */
  tickMs?: number;
  /** Several nodes: only the owner of the live projection runs the show's clock (a due slot is applied once, not once per node). */
  owner?: { isOwner(): boolean };
}

const invalid = (field: string, message: string) => new AppError(400, 'validation_failed', `${field}: ${message}`, { fields: { [field]: message } });
const DAY_MS = 24 * 60 * 60_000;

/** A slot with the ids of the slots it conflicts with. */
export type PlannedSlot = ScheduleSlot & { conflicts: string[] };

/**
 * The run of show: scene pins per stage display or group, each from a start to an end in the
 * exhibition's time zone. Every second it compares, screen by screen, the scene the plan wants
 * with the one it last told the screen, and sends the difference: a slot starts and ends on
 * time, a change to the plan reaches screens at once, and a screen that was offline at the start
 * of a slot is told when it reconnects (`screenConnected`). A once-a-second comparison instead of
 * one timer per boundary also follows a clock that jumps (a test's, or NTP correcting the host).
 * The tick catches everything: a failure is logged and retried on the next tick, never thrown
 * out of the timer.
 */
export class ScheduleService {
  private slots: ScheduleSlot[] = [];
  /** What each screen was last told by the schedule: a scene, or null (rotation) after a slot ended. */
  private readonly told = new Map<string, string | null>();
  private timer: NodeJS.Timeout | undefined;
  /** Ticks run one after another; the last one started and the one waiting to start (shared by every caller meanwhile). */
  private lastTick: Promise<void> = Promise.resolve();
  private waitingTick: Promise<void> | undefined;

  private readonly groupMembers = (id: string) => this.deps.groups.members(id);

  constructor(private readonly deps: ScheduleServiceDeps) {
    deps.bus.on('device.connected', ({ deviceId }) => this.screenConnected(deviceId));
    deps.bus.on('group.changed', () => void this.tick());
    // Another node changed the plan: the owner (whichever node it is) must act on it.
    deps.bus.on('schedule.changed', (_, { origin }) => (origin === 'remote' ? this.reload() : undefined));
  }

  /** Reads the plan from storage and starts the once-a-second comparison. */
  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      if (this.deps.owner?.isOwner() ?? true) void this.tick();
    }, this.deps.tickMs ?? 1_000);
    this.timer.unref();
  }

  private async reload(): Promise<void> {
    this.slots = await this.deps.repository.upcoming(new Date(this.deps.now() - DAY_MS).toISOString());
  }

  /** Slots of one calendar day in TIME_ZONE (default today), with the slots each conflicts with. */
  async day(day?: string): Promise<{ day: string; timeZone: string; slots: PlannedSlot[] }> {
    const start = day ? startOfDay(day, this.deps.timeZone) : undefined;
    if (day && start === undefined) throw invalid('day', 'must be a day as YYYY-MM-DD');
    const from = start ?? startOfDay(new Date(this.deps.now()).toLocaleDateString('en-CA', { timeZone: this.deps.timeZone }), this.deps.timeZone)!;
    const slots = await this.deps.repository.between(new Date(from).toISOString(), new Date(from + DAY_MS).toISOString());
    // A publish slot is an instant (starts = ends); it is on the day when it falls in it.
    const conflicts = slotConflicts(slots, this.groupMembers);
    return {
      day: day ?? new Date(from + 12 * 3_600_000).toLocaleDateString('en-CA', { timeZone: this.deps.timeZone }),
      timeZone: this.deps.timeZone,
      slots: slots.map((s) => ({ ...s, conflicts: conflicts.get(s.id) ?? [] })),
    };
  }

  /**
   * Plans a slot. A conflict with another slot (see `slotsConflict` in the shared rules) is a
   * warning, not a refusal: the answer lists the slots it conflicts with and the day view flags
   * them, because an operator often plans the new slot first and then moves the old one.
   */
  async create(input: CreateSlot, actor: Actor): Promise<PlannedSlot> {
    const slot = this.build(input, { id: randomUUID(), createdBy: actor.username, createdAt: new Date(this.deps.now()).toISOString() });
    await this.deps.repository.create(slot);
    await this.deps.audit.record(actor, { action: 'schedule.create', targetType: 'schedule', targetId: slot.id, after: slot });
    this.slots = [...this.slots, slot];
    this.deps.bus.publish('schedule.changed', {});
    await this.tick();
    return this.withConflicts(slot);
  }

  /** Replaces a slot's start, end, target and what it does; a publish already applied stays as it was. */
  async update(id: string, input: CreateSlot, actor: Actor): Promise<PlannedSlot> {
    const current = await this.deps.repository.get(id);
    if (!current) throw notFound(`No run-of-show slot "${id}"`);
    if (current.kind === 'item-publish' && current.appliedAt) throw new AppError(409, 'already_applied', `This slot was already applied at ${current.appliedAt}; plan a new one instead`);
    const slot = this.build(input, { id, createdBy: current.createdBy, createdAt: current.createdAt });
    const before = await this.deps.repository.update(slot);
    if (!before) throw notFound(`No run-of-show slot "${id}"`);
    await this.deps.audit.record(actor, { action: 'schedule.update', targetType: 'schedule', targetId: id, before, after: slot });
    this.slots = [...this.slots.filter((s) => s.id !== id), slot];
    this.deps.bus.publish('schedule.changed', {});
    await this.tick();
    return this.withConflicts(slot);
  }

  private build(input: CreateSlot, meta: { id: string; createdBy: string; createdAt: string }): ScheduleSlot {
    if (input.kind === 'item-publish') {
      if (!this.deps.content.hasItem(input.item)) throw invalid('item', `no item "${input.item}"`);
      if (Date.parse(input.startsAt) <= this.deps.now()) throw invalid('startsAt', 'must be in the future');
      const at = new Date(input.startsAt).toISOString();
      return { id: meta.id, kind: 'item-publish', item: input.item, published: input.published, startsAt: at, endsAt: at, appliedAt: null, createdBy: meta.createdBy, createdAt: meta.createdAt };
    }
    if (input.target.type === 'device' && !this.deps.fleet.isActive(input.target.id)) throw invalid('target.id', `no active screen "${input.target.id}"`);
    if (input.target.type === 'group' && !this.groupMembers(input.target.id)) throw invalid('target.id', `no screen group "${input.target.id}"`);
    if (Date.parse(input.endsAt) <= this.deps.now()) throw invalid('endsAt', 'must be in the future');
    return {
      id: meta.id,
      kind: 'scene-pin',
      target: input.target,
      scene: input.scene,
      startsAt: new Date(input.startsAt).toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
      createdBy: meta.createdBy,
      createdAt: meta.createdAt,
    };
  }

  private withConflicts(slot: ScheduleSlot): PlannedSlot {
    return { ...slot, conflicts: conflictsOf(slot, this.slots, this.groupMembers) };
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const removed = await this.deps.repository.remove(id);
    if (!removed) throw notFound(`No run-of-show slot "${id}"`);
    await this.deps.audit.record(actor, { action: 'schedule.delete', targetType: 'schedule', targetId: id, before: removed });
    this.slots = this.slots.filter((s) => s.id !== id);
    this.deps.bus.publish('schedule.changed', {});
    await this.tick();
  }

  /** A screen (re)connected: it has forgotten any pin, so tell it what the plan wants now. */
  screenConnected(deviceId: string): void {
    this.told.delete(deviceId);
    // After the connection's own setup (its config goes out first).
    setImmediate(() => void this.tick());
  }

  /**
   * Compares the plan with what screens were told and sends the difference; resolves once a tick
   * that started after this call has run. Never rejects. Ticks never overlap (storage writes are
   * asynchronous), and callers arriving while one waits share it instead of piling up.
   */
  tick(): Promise<void> {
    if (this.waitingTick) return this.waitingTick;
    const run = this.lastTick.then(() => {
      this.waitingTick = undefined;
      return this.tickNow();
    });
    this.waitingTick = run;
    this.lastTick = run;
    return run;
  }

  private async tickNow(): Promise<void> {
    try {
      const now = this.deps.now();
      this.slots = this.slots.filter((s) => Date.parse(s.endsAt) > now - DAY_MS || (s.kind === 'item-publish' && !s.appliedAt));
      for (const slot of this.slots) if (slot.kind === 'item-publish' && !slot.appliedAt && Date.parse(slot.startsAt) <= now) await this.publish(slot, now);
      const pins = this.slots.filter((s): s is ScenePinSlot => s.kind === 'scene-pin');
      const screens = new Set<string>(this.told.keys());
      for (const slot of pins) {
        if (slot.target.type === 'device') screens.add(slot.target.id);
        else for (const id of this.groupMembers(slot.target.id) ?? []) screens.add(id);
      }
      for (const deviceId of screens) {
        const wanted = activeSlot(pins, deviceId, now, this.groupMembers)?.scene ?? null;
        const told = this.told.has(deviceId) ? this.told.get(deviceId)! : null;
        if (wanted === told) continue;
        const delivered = await this.deps.fleet.deliver(deviceId, { type: 'pin-scene', scene: wanted });
        // Not reached (offline): tried again on reconnect, and on every tick meanwhile costs nothing.
        if (delivered > 0) {
          if (wanted === null) this.told.delete(deviceId);
          else this.told.set(deviceId, wanted);
        }
      }
    } catch (error) {
      this.deps.logger.error({ err: error }, 'run of show: tick failed; retrying on the next one');
    }
  }

  /** Applies a due publish slot once; one that fails (the item was deleted) is marked and logged, not retried forever. */
  private async publish(slot: PublishSlot, now: number): Promise<void> {
    const at = new Date(now).toISOString();
    await this.deps.repository.markApplied(slot.id, at);
    slot.appliedAt = at;
    this.deps.bus.publish('schedule.changed', {});
    try {
      if (this.deps.content.hasItem(slot.item)) await this.deps.content.setPublished(slot.item, slot.published, { id: null, username: `${slot.createdBy} (run of show)` });
    } catch (error) {
      this.deps.logger.error({ err: error, slot: slot.id }, 'run of show: publishing an item failed');
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
