import type { Storage } from '../storage/storage';
import { PostgresEventsRepository } from './events.postgres.repository';
import { SqliteEventsRepository, type EventsRepository } from './events.repository';

/**
 * The events repository for the engine that runs. Ingest is the hot path, so each engine has
 * its own hand-written SQL on the raw handle instead of the engine-neutral Kysely executor.
 */
export function eventsRepository(storage: Storage): EventsRepository {
  if (storage.engine === 'postgres') {
    if (!storage.pg) throw new Error('eventsRepository: a PostgreSQL storage without its pg pool');
    return new PostgresEventsRepository(storage.pg);
  }
  if (!storage.sqlite) throw new Error('eventsRepository: a SQLite storage without its better-sqlite3 handle');
  return new SqliteEventsRepository(storage.sqlite);
}
