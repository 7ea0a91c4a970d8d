import type { DeviceRole, Heartbeat, ScreenState } from '../../shared/devices.schema';
import type { Locale } from '../../shared/i18n';
import type { Db } from '../storage/database';

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

const COLUMNS = 'id, name, role, section, idle_timeout_seconds, scene_seconds, locale, created_at, revoked_at, last_seen_at, online_since, app_version, view, address, state';

export class SqliteDevicesRepository implements DevicesRepository {
  constructor(private readonly db: Db) {}

  async create(device: DeviceRecord, tokenHash: string, createdBy: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO devices (id, name, role, section, idle_timeout_seconds, scene_seconds, locale, token_hash, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(device.id, device.name, device.role, device.section, device.idleTimeoutSeconds, device.sceneSeconds, device.locale, tokenHash, device.createdAt, createdBy);
  }

  async list(): Promise<DeviceRecord[]> {
    return this.db.prepare<[], DeviceRow>(`SELECT ${COLUMNS} FROM devices ORDER BY created_at, id`).all().map(toRecord);
  }

  async findById(id: string): Promise<DeviceRecord | undefined> {
    const row = this.db.prepare<[string], DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  async findActiveByTokenHash(tokenHash: string): Promise<DeviceRecord | undefined> {
    const row = this.db
      .prepare<[string], DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash);
    return row && toRecord(row);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): Promise<void> {
    this.db
      .prepare('UPDATE devices SET last_seen_at = ?, app_version = ?, view = ?, online_since = coalesce(?, online_since), state = coalesce(?, state) WHERE id = ?')
      .run(at, heartbeat.appVersion, heartbeat.view, heartbeat.onlineSince ?? null, heartbeat.state ? JSON.stringify(heartbeat.state) : null, id);
  }

  async recordConnection(id: string, address: string | null, at: string): Promise<void> {
    this.db.prepare('UPDATE devices SET last_seen_at = ?, online_since = ?, address = ? WHERE id = ?').run(at, at, address, id);
  }
}
