import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { VisitorEvent } from '../../shared/events.schema';
import type { EventsRepository, PreparedEvent } from '../../server/counters/events.repository';
import type { DomainEventName, DomainEventSource } from '../../server/platform/domain-events';
import type { AuditRepository, NewAuditEntry } from '../../server/audit/audit.repository';
import { AuditService, type Actor } from '../../server/audit/audit.service';
import { BackgroundTasks } from '../../server/platform/background';
import type { StorageHealth } from '../../server/storage/storage-health';

/**
 * In-memory stand-ins and small factories for service-level unit tests: each service is built with
 * these instead of SQLite, so a test exercises the service's own rules and nothing else.
 */

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2023-11-12T02:00:00Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms), set: (ms: number) => void (at = ms) };
}

export const silentLogger = () => pino({ level: 'silent' });

/** Background tasks that log nowhere and treat no error as a storage fault; `failures` records what failed. */
export function testTasks(now: () => number = Date.now) {
  const failures: { task: string; error: unknown }[] = [];
  const storage = { report: () => false } as unknown as StorageHealth;
  const tasks = new BackgroundTasks({ logger: silentLogger(), storage, now });
  const failed = tasks.failed.bind(tasks);
  tasks.failed = (task, error) => {
    failures.push({ task, error });
    failed(task, error);
  };
  return { tasks, failures };
}

/** The audit trail kept in an array. */
export function memoryAudit(now: () => number = Date.now) {
  const entries: NewAuditEntry[] = [];
  const repository: AuditRepository = { append: async (entry) => void entries.push(entry), query: async () => [] };
  return { audit: new AuditService(repository, now), entries };
}

export const anOperator = (overrides: Partial<Actor> = {}): Actor => ({ id: 'user-operator', username: 'operator', ...overrides }) as Actor;

/**
 * A unit of work over in-memory state: `fn` runs against the state, and its writes are kept only
 * if it returns; `failNextCommit()` makes the next commit fail after `fn` ran (as a full disk does
 * at COMMIT), rolling the state back.
 */
export function memoryTransactions<S>(state: { value: S }, clone: (s: S) => S) {
  let failNext = false;
  return {
    failNextCommit: () => void (failNext = true),
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      const before = clone(state.value);
      try {
        const result = await fn();
        if (failNext) {
          failNext = false;
          throw new Error('database or disk is full');
        }
        return result;
      } catch (error) {
        state.value = before;
        throw error;
      }
    },
  };
}

/** A visitor event as a kiosk sends it; every call gets a fresh id. */
export const aVisitEvent = (overrides: Partial<VisitorEvent> = {}): VisitorEvent =>
  ({ id: randomUUID(), type: 'visit', section: 'alpha', at: new Date().toISOString(), ...overrides }) as VisitorEvent;

/**
 * The events store in memory: each event once by id, like the SQLite one; `commits` records what
 * each transaction held (one entry per storeBatches call), and `failNextCommit()` makes the next fail.
 */
export function memoryEvents() {
  const seen = new Set<string>();
  const commits: (readonly (readonly PreparedEvent[])[])[] = [];
  let failNext = false;
  const repository: EventsRepository = {
    async storeBatches(batches) {
      if (failNext) {
        failNext = false;
        throw new Error('database or disk is full');
      }
      commits.push(batches);
      return batches.map((batch) => {
        const accepted = batch.filter((p) => !seen.has(p.event.id));
        accepted.forEach((p) => seen.add(p.event.id));
        return { accepted, duplicates: batch.length - accepted.length, repeatedBadges: 0 };
      });
    },
    counterRows: async () => [],
    deviceCounts: async () => new Map(),
  };
  return { repository, commits, failNextCommit: () => void (failNext = true) };
}

/** Records every domain event published on `bus`, by name. */
export function recordEvents(bus: DomainEventSource, names: readonly DomainEventName[]) {
  const seen: { name: DomainEventName; payload: unknown }[] = [];
  for (const name of names) bus.on(name, (payload) => void seen.push({ name, payload }));
  return seen;
}
