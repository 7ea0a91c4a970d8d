import type { Pool, PoolClient } from 'pg';
import { ALL_TIME, type CounterRow } from './counters.rules';
import {
  foldDeviceCounts,
  GroupTally,
  uuidBytes,
  type DeviceCounts,
  type EventsRepository,
  type PreparedEvent,
  type StoredBatch,
} from './events.repository';

/** One event of a group, where it came from and what became of it. */
interface Entry {
  batch: number;
  prepared: PreparedEvent;
  id: Buffer;
  /** The id's hex: the same for every spelling of the UUID. */
  key: string;
  fate?: 'accepted' | 'duplicate' | 'repeatedBadge';
}

// Each statement takes the whole group as arrays: one round trip whatever the number of events.
const INSERT_EVENTS = `
  INSERT INTO events (id, type, section, item, at, ms, device_id, received_at)
  SELECT id, type, section, item, at, ms, device_id, $8::bigint
    FROM unnest($1::bytea[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[])
         AS e(id, type, section, item, at, ms, device_id)
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;
const INSERT_BADGES = `
  INSERT INTO badge_scans (day, badge_hash, event_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT (day, badge_hash) DO NOTHING
  RETURNING day, badge_hash`;
const DELETE_EVENTS = 'DELETE FROM events WHERE id = ANY($1::bytea[])';
const UPSERT_COUNTERS = `
  INSERT INTO counter_values (day, metric, section, item, bucket, value)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
  ON CONFLICT (day, metric, section, item, bucket) DO UPDATE SET value = counter_values.value + excluded.value`;
const UPSERT_DEVICE_COUNTS = `
  INSERT INTO device_counts (day, device_id, metric, value)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
  ON CONFLICT (day, device_id, metric) DO UPDATE SET value = device_counts.value + excluded.value`;

/**
 * Durable ingest on PostgreSQL, hand-written for the hot path: a group of posts is one
 * transaction on one pooled connection, answered only after its COMMIT returns.
 *
 * Idempotency rests on the unique index on `events.id`: a transaction inserting an id that
 * another one (another node, a retry) has inserted but not committed waits for it, then finds
 * the conflict and does nothing, so the id counts once whoever commits first.
 *
 * Locks are always taken in one order (events by id, badges by day and hash, then counter rows
 * and device rows by key), so two groups that share ids or counters wait for each other but
 * never deadlock. The counter rows every group touches (today's visitors, the all-time total)
 * are the hot ones: the service keeps at most one group in flight per node and a group writes
 * each row once, so a row has at most one waiting transaction per other node, however many
 * posts arrive.
 */
export class PostgresEventsRepository implements EventsRepository {
  constructor(private readonly pool: Pool) {}

  async storeBatches(batches: readonly (readonly PreparedEvent[])[], receivedAt: string): Promise<StoredBatch[]> {
    const entries: Entry[] = batches.flatMap((batch, index) =>
      batch.map((prepared) => {
        const id = uuidBytes(prepared.event.id);
        return { batch: index, prepared, id, key: id.toString('hex') };
      }),
    );
    // The first occurrence of an id in the group is the one that may be new; later ones are duplicates.
    const candidates = new Map<string, Entry>();
    for (const entry of entries) if (!candidates.has(entry.key)) candidates.set(entry.key, entry);

    const tally = new GroupTally();
    await this.inTransaction(async (client) => {
      const inserted = await this.insertEvents(client, [...candidates.values()], Date.parse(receivedAt));
      const fresh = [...candidates.values()].filter((entry) => inserted.has(entry.key));
      const refused = new Set(await this.insertBadges(client, fresh));
      if (refused.size > 0) await client.query(DELETE_EVENTS, [[...refused].map((entry) => entry.id)]);
      for (const entry of fresh) {
        entry.fate = refused.has(entry) ? 'repeatedBadge' : 'accepted';
        if (entry.fate === 'accepted') tally.add(entry.prepared);
      }
      const counters = tally.counterRows();
      if (counters.length > 0) {
        await client.query(UPSERT_COUNTERS, columns(counters, ['day', 'metric', 'section', 'item', 'bucket', 'value']));
      }
      const devices = tally.deviceRows();
      if (devices.length > 0) await client.query(UPSERT_DEVICE_COUNTS, columns(devices, ['day', 'deviceId', 'metric', 'value']));
    });

    const results: StoredBatch[] = batches.map(() => ({ accepted: [], duplicates: 0, repeatedBadges: 0 }));
    for (const entry of entries) {
      const stored = results[entry.batch]!;
      const first = candidates.get(entry.key)!;
      // A later copy of an event whose badge was refused is refused again, as it would be on its own.
      const fate = first === entry ? (entry.fate ?? 'duplicate') : first.fate === 'repeatedBadge' ? 'repeatedBadge' : 'duplicate';
      if (fate === 'accepted') stored.accepted.push(entry.prepared);
      else if (fate === 'repeatedBadge') stored.repeatedBadges++;
      else stored.duplicates++;
    }
    return results;
  }

  async counterRows(day: string): Promise<CounterRow[]> {
    const { rows } = await this.pool.query<CounterRow>('SELECT day, metric, section, item, bucket, value FROM counter_values WHERE day IN ($1, $2)', [
      day,
      ALL_TIME,
    ]);
    // BIGINT arrives as text unless the pool parses it; the figures are well inside 2^53.
    return rows.map((row) => ({ ...row, bucket: Number(row.bucket), value: Number(row.value) }));
  }

  async deviceCounts(day: string): Promise<Map<string, DeviceCounts>> {
    const { rows } = await this.pool.query<{ device_id: string; metric: string; value: number }>(
      'SELECT device_id, metric, value FROM device_counts WHERE day = $1',
      [day],
    );
    return foldDeviceCounts(rows.map((row) => ({ ...row, value: Number(row.value) })));
  }

  /** Inserts the group's candidate events in id order; returns the keys of those that were new. */
  private async insertEvents(client: PoolClient, candidates: Entry[], receivedAt: number): Promise<Set<string>> {
    const sorted = [...candidates].sort((a, b) => Buffer.compare(a.id, b.id));
    const { rows } = await client.query<{ id: Buffer }>(INSERT_EVENTS, [
      sorted.map((entry) => entry.id),
      sorted.map((entry) => entry.prepared.event.type),
      sorted.map((entry) => entry.prepared.event.section ?? null),
      sorted.map((entry) => entry.prepared.event.item ?? null),
      sorted.map((entry) => Date.parse(entry.prepared.event.at)),
      sorted.map((entry) => entry.prepared.event.ms ?? null),
      sorted.map((entry) => entry.prepared.deviceId),
      receivedAt,
    ]);
    return new Set(rows.map((row) => row.id.toString('hex')));
  }

  /**
   * Records the badges of the group's new events, each at most once per day (the first in the
   * group wins, as on SQLite); returns the new events whose badge the day had already counted.
   */
  private async insertBadges(client: PoolClient, fresh: Entry[]): Promise<Entry[]> {
    const first = new Map<string, Entry>();
    const refused: Entry[] = [];
    for (const entry of fresh) {
      if (entry.prepared.badgeHash === undefined) continue;
      const key = `${entry.prepared.day}|${entry.prepared.badgeHash}`;
      if (first.has(key)) refused.push(entry);
      else first.set(key, entry);
    }
    if (first.size === 0) return refused;
    const keys = [...first.keys()].sort();
    const { rows } = await client.query<{ day: string; badge_hash: string }>(INSERT_BADGES, [
      keys.map((key) => first.get(key)!.prepared.day),
      keys.map((key) => first.get(key)!.prepared.badgeHash),
      keys.map((key) => first.get(key)!.prepared.event.id.toLowerCase()),
    ]);
    const counted = new Set(rows.map((row) => `${row.day}|${row.badge_hash}`));
    for (const key of keys) if (!counted.has(key)) refused.push(first.get(key)!);
    return refused;
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      // A connection that cannot even roll back is broken: the pool must not hand it out again.
      const broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: unknown) => rollbackError as Error,
      );
      client.release(broken);
      throw error;
    }
    client.release();
  }
}

/** Rows as one array per column, in `keys` order: the parameters of an unnest() insert. */
function columns<T>(rows: readonly T[], keys: readonly (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}
