import { sql } from 'kysely';
import type { DeviceRole, Heartbeat, ScreenState } from '../../shared/devices.schema';
import type { Locale } from '../../shared/i18n';
import type { Storage } from '../storage/storage';

export interface DeviceRecord {
  id: string;
  name: string;
  role: DeviceRole;
  section: string | null;
  idleTimeoutSeconds: number;
  sceneSeconds: number;
  locale: Locale;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  onlineSince: string | null;
  appVersion: string | null;
  view: string | null;
  address: string | null;
  state?: ScreenState | null;
}

export interface DevicesRepository {
  create(device: DeviceRecord, tokenHash: string, createdBy: string): Promise<void>;
  list(): Promise<DeviceRecord[]>;
  findById(id: string): Promise<DeviceRecord | undefined>;
  /** The active (not revoked) device holding this token. */
  findActiveByTokenHash(tokenHash: string): Promise<DeviceRecord | undefined>;
  revoke(id: string, at: string): Promise<boolean>;
  recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): Promise<void>;
  /** A new connection: when it came online and from where. */
  recordConnection(id: string, address: string | null, at: string): Promise<void>;
}

interface DeviceRow {
  id: string;
  name: string;
  role: DeviceRole;
  section: string | null;
  idle_timeout_seconds: number;
  scene_seconds: number;
  locale: Locale;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  online_since: string | null;
  app_version: string | null;
  view: string | null;
  address: string | null;
  state: string | null;
}

const parseState = (json: string | null): ScreenState | null => {
  try {
    return json ? (JSON.parse(json) as ScreenState) : null;
  } catch {
    return null;
  }
};

const toRecord = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  section: r.section,
  idleTimeoutSeconds: r.idle_timeout_seconds,
  sceneSeconds: r.scene_seconds,
  locale: r.locale,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
  onlineSince: r.online_since,
  appVersion: r.app_version,
  view: r.view,
  address: r.address,
  state: parseState(r.state),
});

// Listed, not *: token_hash and created_by stay in the table.
const COLUMNS = sql.raw('id, name, role, section, idle_timeout_seconds, scene_seconds, locale, created_at, revoked_at, last_seen_at, online_since, app_version, view, address, state');

export class SqlDevicesRepository implements DevicesRepository {
  constructor(private readonly storage: Storage) {}

  async create(device: DeviceRecord, tokenHash: string, createdBy: string): Promise<void> {
    await sql`INSERT INTO devices (id, name, role, section, idle_timeout_seconds, scene_seconds, locale, token_hash, created_at, created_by)
      VALUES (${device.id}, ${device.name}, ${device.role}, ${device.section}, ${device.idleTimeoutSeconds}, ${device.sceneSeconds}, ${device.locale},
        ${tokenHash}, ${device.createdAt}, ${createdBy})`.execute(this.storage.db);
  }

  async list(): Promise<DeviceRecord[]> {
    const { rows } = await sql<DeviceRow>`SELECT ${COLUMNS} FROM devices ORDER BY created_at, id`.execute(this.storage.db);
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<DeviceRecord | undefined> {
    const { rows } = await sql<DeviceRow>`SELECT ${COLUMNS} FROM devices WHERE id = ${id}`.execute(this.storage.db);
    return rows[0] && toRecord(rows[0]);
  }

  async findActiveByTokenHash(tokenHash: string): Promise<DeviceRecord | undefined> {
    const { rows } = await sql<DeviceRow>`SELECT ${COLUMNS} FROM devices WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`.execute(this.storage.db);
    return rows[0] && toRecord(rows[0]);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const result = await sql`UPDATE devices SET revoked_at = ${at} WHERE id = ${id} AND revoked_at IS NULL`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  async recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): Promise<void> {
    const state = heartbeat.state ? JSON.stringify(heartbeat.state) : null;
    await sql`UPDATE devices SET last_seen_at = ${at}, app_version = ${heartbeat.appVersion}, view = ${heartbeat.view},
      online_since = coalesce(${heartbeat.onlineSince ?? null}, online_since), state = coalesce(${state}, state) WHERE id = ${id}`.execute(this.storage.db);
  }

  async recordConnection(id: string, address: string | null, at: string): Promise<void> {
    await sql`UPDATE devices SET last_seen_at = ${at}, online_since = ${at}, address = ${address} WHERE id = ${id}`.execute(this.storage.db);
  }
}
