import type { Db } from '../storage/database';
import type { VisitorEvent } from '../../shared/events.schema';
import { ALL_TIME, accumulate, type CounterRow } from './counters.rules';

/** One event ready to store: when it counts and what it adds to the counters. */
export interface PreparedEvent {
  event: VisitorEvent;
  deviceId: string;
  day: string;
  increments: CounterRow[];
  /** A scanned badge's hash with the day (never the code): the visit counts only if the day has not seen it. */
  badgeHash?: string;
}

export interface StoredBatch {
  accepted: PreparedEvent[];
  duplicates: number;
  /** New events whose badge was already counted that day: kept out of the events and the counters. */
  repeatedBadges: number;
}

export interface EventsRepository {
  /**
   * Stores several batches in one durable transaction: each event at most once by id, each badge
   * at most once per day, and the counter increments of the newly stored ones. Returns, per batch,
   * what was new.
   */
  storeBatches(batches: readonly (readonly PreparedEvent[])[], receivedAt: string): Promise<StoredBatch[]>;
  /** Counter rows of `day` and the all-time rows. */
  counterRows(day: string): Promise<CounterRow[]>;
  /** Door entries (`visit`) and booth visits (`session`) each device counted on `day`. */
  deviceCounts(day: string): Promise<Map<string, DeviceCounts>>;
}

export interface DeviceCounts {
  visits: number;
  boothVisits: number;
  exits: number;
}

/** The per-device figure an event adds to, if any. */
const DEVICE_METRIC: Partial<Record<VisitorEvent['type'], 'visits' | 'sessions' | 'exits'>> = { visit: 'visits', session: 'sessions', exit: 'exits' };

/** The 16 bytes of a UUID (any letter case), the compact form the events table keys on. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

export interface DeviceCountRow {
  day: string;
  deviceId: string;
  metric: string;
  value: number;
}

/**
 * What the newly stored events of one group add to the counters and the per-device figures,
 * merged by key, so each counter row is written once per group whatever the number of posts.
 * Both engines use it: the rule for what counts where lives once.
 */
export class GroupTally {
  private readonly increments = new Map<string, CounterRow>();
  private readonly perDevice = new Map<string, DeviceCountRow>();

  add(prepared: PreparedEvent): void {
    accumulate(this.increments, prepared.increments);
    const metric = DEVICE_METRIC[prepared.event.type];
    if (!metric) return;
    const key = `${prepared.day}|${prepared.deviceId}|${metric}`;
    const row = this.perDevice.get(key);
    if (row) row.value++;
    else this.perDevice.set(key, { day: prepared.day, deviceId: prepared.deviceId, metric, value: 1 });
  }

  /** Sorted by key: transactions that take the row locks in one order cannot deadlock on them. */
  counterRows(): CounterRow[] {
    return sortedValues(this.increments);
  }

  deviceRows(): DeviceCountRow[] {
    return sortedValues(this.perDevice);
  }
}

function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.keys()].sort().map((key) => map.get(key)!);
}

/** Folds `device_counts` rows into each device's figures. */
export function foldDeviceCounts(rows: Iterable<{ device_id: string; metric: string; value: number }>): Map<string, DeviceCounts> {
  const counts = new Map<string, DeviceCounts>();
  for (const row of rows) {
    const entry = counts.get(row.device_id) ?? { visits: 0, boothVisits: 0, exits: 0 };
    if (row.metric === 'visits') entry.visits += row.value;
    else if (row.metric === 'sessions') entry.boothVisits += row.value;
    else if (row.metric === 'exits') entry.exits += row.value;
    counts.set(row.device_id, entry);
  }
  return counts;
}

export class SqliteEventsRepository implements EventsRepository {
  private readonly insertEvent;
  private readonly upsertCounter;
  private readonly selectCounters;
  private readonly upsertDeviceCount;
  private readonly selectDeviceCounts;
  private readonly storeInTransaction;
  private readonly insertBadge;
  private readonly deleteEvent;

  constructor(private readonly db: Db) {
    this.insertEvent = db.prepare(
      `INSERT INTO events (id, type, section, item, at, ms, device_id, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO NOTHING`,
    );
    this.insertBadge = db.prepare('INSERT INTO badge_scans (day, badge_hash, event_id) VALUES (?, ?, ?) ON CONFLICT(day, badge_hash) DO NOTHING');
    this.deleteEvent = db.prepare('DELETE FROM events WHERE id = ?');
    this.upsertCounter = db.prepare(
      `INSERT INTO counter_values (day, metric, section, item, bucket, value)
       VALUES (@day, @metric, @section, @item, @bucket, @value)
       ON CONFLICT(day, metric, section, item, bucket) DO UPDATE SET value = value + excluded.value`,
    );
    this.selectCounters = db.prepare<[string, string], CounterRow>(
      'SELECT day, metric, section, item, bucket, value FROM counter_values WHERE day IN (?, ?)',
    );
    this.upsertDeviceCount = db.prepare(
      `INSERT INTO device_counts (day, device_id, metric, value) VALUES (@day, @deviceId, @metric, @value)
       ON CONFLICT(day, device_id, metric) DO UPDATE SET value = value + excluded.value`,
    );
    this.selectDeviceCounts = db.prepare<[string], { device_id: string; metric: string; value: number }>(
      'SELECT device_id, metric, value FROM device_counts WHERE day = ?',
    );
    this.storeInTransaction = db.transaction((batches: readonly (readonly PreparedEvent[])[], receivedAtIso: string) => {
      const receivedAt = Date.parse(receivedAtIso);
      const tally = new GroupTally();
      const results = batches.map((batch) => {
        const stored: StoredBatch = { accepted: [], duplicates: 0, repeatedBadges: 0 };
        for (const prepared of batch) {
          const { event } = prepared;
          const id = uuidBytes(event.id);
          const inserted = this.insertEvent.run(
            id,
            event.type,
            event.section ?? null,
            event.item ?? null,
            Date.parse(event.at),
            event.ms ?? null,
            prepared.deviceId,
            receivedAt,
          );
          // The id decides first (a resent event is a duplicate, whatever its badge); a new event
          // whose badge the day has already counted is taken back out, so it counts nowhere.
          if (inserted.changes === 1 && prepared.badgeHash !== undefined && this.insertBadge.run(prepared.day, prepared.badgeHash, event.id.toLowerCase()).changes === 0) {
            this.deleteEvent.run(id);
            stored.repeatedBadges++;
          } else if (inserted.changes === 1) {
            stored.accepted.push(prepared);
            tally.add(prepared);
          } else {
            stored.duplicates++;
          }
        }
        return stored;
      });
      for (const row of tally.counterRows()) this.upsertCounter.run(row);
      for (const row of tally.deviceRows()) this.upsertDeviceCount.run(row);
      return results;
    });
  }

  async storeBatches(batches: readonly (readonly PreparedEvent[])[], receivedAt: string): Promise<StoredBatch[]> {
    // Kysely shares this connection and serialises only its own queries: a group stored while one
    // of its transactions is open would become a savepoint inside it, and be rolled back with it.
    // So wait for it to end; the check and the synchronous transaction run in the same turn.
    // (Never await this from inside storage.transaction(): it would wait for itself.)
    while (this.db.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    return this.storeInTransaction(batches, receivedAt);
  }

  async counterRows(day: string): Promise<CounterRow[]> {
    return this.selectCounters.all(day, ALL_TIME);
  }

  async deviceCounts(day: string): Promise<Map<string, DeviceCounts>> {
    return foldDeviceCounts(this.selectDeviceCounts.all(day));
  }
}
