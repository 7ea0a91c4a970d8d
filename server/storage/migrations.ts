import type { Db } from './database';

/**
 * Versioned schema changes, applied in order inside one transaction each.
 * Never edit a migration that has shipped; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: content, counters, users, devices, sessions, settings
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE exhibition (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE TABLE sections (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    section_id TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    published INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX items_by_section ON items(section_id, position);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    section TEXT,
    item TEXT,
    at TEXT NOT NULL,
    ms INTEGER,
    day TEXT NOT NULL,
    device_id TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) WITHOUT ROWID;

  -- Counters derived from events in the same transaction. Empty strings stand for "any"
  -- so that the primary key works (NULLs are distinct in SQLite keys); day '*' is all time.
  CREATE TABLE counter_values (
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    bucket INTEGER NOT NULL DEFAULT 0,
    value INTEGER NOT NULL,
    PRIMARY KEY (day, metric, section, item, bucket)
  ) WITHOUT ROWID;

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'judge')),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('booth', 'stage', 'sensor')),
    section TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT,
    revoked_at TEXT,
    last_seen_at TEXT,
    app_version TEXT,
    view TEXT
  );

  CREATE TABLE sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  `,
  // 2: screen settings on devices, announcements
  `
  ALTER TABLE devices ADD COLUMN idle_timeout_seconds INTEGER NOT NULL DEFAULT 60;
  ALTER TABLE devices ADD COLUMN locale TEXT NOT NULL DEFAULT 'zh-CN';
  ALTER TABLE devices ADD COLUMN scene_seconds INTEGER NOT NULL DEFAULT 20;
  ALTER TABLE devices ADD COLUMN address TEXT;
  ALTER TABLE devices ADD COLUMN online_since TEXT;

  CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    target TEXT NOT NULL CHECK (target IN ('all', 'stage', 'kiosks', 'device')),
    device_id TEXT,
    urgent INTEGER NOT NULL,
    starts_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    withdrawn_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX announcements_by_expiry ON announcements(expires_at);
  `,
  // 3: the audit log, content history, counter corrections and day resets
  `
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_by_time ON audit_log(at);

  ALTER TABLE sections ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE item_versions (
    item_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (item_id, version)
  ) WITHOUT ROWID;

  CREATE TABLE counter_corrections (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE day_resets (
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    before TEXT NOT NULL
  );
  `,
  // 4: matchmaking (organisations, Hangzhou partners, meetings and their steps) and the roadshow
  `
  CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, type TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE partners (id TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT, created_at TEXT NOT NULL);
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    industry TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('held', 'intention', 'signed', 'dropped')),
    held_at TEXT NOT NULL,
    intention_at TEXT,
    signed_at TEXT,
    dropped_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL
  );
  CREATE TABLE meeting_steps (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    at TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT,
    username TEXT NOT NULL
  );
  CREATE INDEX meeting_steps_by_meeting ON meeting_steps(meeting_id, at);

  CREATE TABLE roadshow_projects (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE roadshow_criteria (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE roadshow_state (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
  CREATE TABLE roadshow_scores (
    project_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (project_id, judge_id, criterion_id)
  ) WITHOUT ROWID;
  `,
  // 5: announcements that stay up until withdrawn
  `
  ALTER TABLE announcements ADD COLUMN until_withdrawn INTEGER NOT NULL DEFAULT 0;
  `,
  // 6: screen groups ("Hall A kiosks"), and announcements aimed at one or at visitors' phones (the
  // target check is part of the table, so SQLite needs the table rebuilt to accept 'group' and 'phones')
  `
  CREATE TABLE screen_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
  CREATE TABLE screen_group_members (
    group_id TEXT NOT NULL REFERENCES screen_groups(id),
    device_id TEXT NOT NULL,
    PRIMARY KEY (group_id, device_id)
  ) WITHOUT ROWID;
  CREATE INDEX screen_group_members_by_device ON screen_group_members(device_id);

  CREATE TABLE announcements_v6 (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    target TEXT NOT NULL CHECK (target IN ('all', 'stage', 'kiosks', 'device', 'group', 'phones')),
    device_id TEXT,
    group_id TEXT,
    urgent INTEGER NOT NULL,
    starts_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    until_withdrawn INTEGER NOT NULL DEFAULT 0,
    withdrawn_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  INSERT INTO announcements_v6 (id, text, target, device_id, group_id, urgent, starts_at, expires_at, until_withdrawn, withdrawn_at, created_by, created_at)
    SELECT id, text, target, device_id, NULL, urgent, starts_at, expires_at, until_withdrawn, withdrawn_at, created_by, created_at FROM announcements;
  DROP TABLE announcements;
  ALTER TABLE announcements_v6 RENAME TO announcements;
  CREATE INDEX announcements_by_expiry ON announcements(expires_at);
  `,
  // 7: what each screen last reported showing (the console's live mirror)
  `
  ALTER TABLE devices ADD COLUMN state TEXT;
  `,
  // 8: the run of show (scene pins per display or group, in time slots; items published at set times)
  `
  CREATE TABLE schedule_slots (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('scene-pin', 'item-publish')),
    target_type TEXT CHECK (target_type IN ('device', 'group')),
    target_id TEXT,
    scene TEXT,
    item TEXT,
    published INTEGER,
    applied_at TEXT,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX schedule_slots_by_end ON schedule_slots(ends_at);
  `,
  // 9: the door role (SQLite cannot alter a CHECK: the table is rebuilt with the same columns), and
  // what each device counted per day
  `
  CREATE TABLE devices_new (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('booth', 'stage', 'sensor', 'door')),
    section TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT,
    revoked_at TEXT,
    last_seen_at TEXT,
    app_version TEXT,
    view TEXT,
    idle_timeout_seconds INTEGER NOT NULL DEFAULT 60,
    locale TEXT NOT NULL DEFAULT 'zh-CN',
    scene_seconds INTEGER NOT NULL DEFAULT 20,
    address TEXT,
    online_since TEXT,
    state TEXT
  );
  INSERT INTO devices_new (id, name, role, section, token_hash, created_at, created_by, revoked_at, last_seen_at, app_version, view,
                           idle_timeout_seconds, locale, scene_seconds, address, online_since, state)
    SELECT id, name, role, section, token_hash, created_at, created_by, revoked_at, last_seen_at, app_version, view,
           idle_timeout_seconds, locale, scene_seconds, address, online_since, state FROM devices;
  DROP TABLE devices;
  ALTER TABLE devices_new RENAME TO devices;


  -- Door entries and booth visits per device and day, kept with the events in the same
  -- transaction, so the console shows each counter's figure without scanning the events.
  CREATE TABLE device_counts (
    day TEXT NOT NULL,
    device_id TEXT NOT NULL,
    metric TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (day, device_id, metric)
  ) WITHOUT ROWID;
  `,
  // 10: scanned badges, one row per badge and day (TIME_ZONE): a hash of the day and the badge's
  // code, never the code itself, and the event that counted it.
  `
  CREATE TABLE badge_scans (
    day TEXT NOT NULL,
    badge_hash TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (day, badge_hash)
  ) WITHOUT ROWID;
  `,
  // 11: sessions name their user in a column of their own, so signing a user out everywhere (disabled,
  // demoted, password reset) finds their sessions through an index instead of parsing every row.
  `
  ALTER TABLE sessions ADD COLUMN user_id TEXT;
  UPDATE sessions SET user_id = json_extract(data, '$.user.id');
  CREATE INDEX sessions_by_user ON sessions (user_id);
  `,
  // 12: a narrow events row. The event's UUID (still the idempotency key) is kept as its 16 bytes
  // under a UNIQUE index, and rows are appended by an INTEGER PRIMARY KEY: the wide row keyed by
  // a random 36-character text split pages all over the table on every insert. Times become epoch
  // milliseconds; the day is derived from \`at\` and TIME_ZONE and was never read, so it goes.
  `
  CREATE TABLE events_compact (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    type TEXT NOT NULL,
    section TEXT,
    item TEXT,
    at INTEGER NOT NULL,
    ms INTEGER,
    device_id TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  INSERT INTO events_compact (id, type, section, item, at, ms, device_id, received_at)
    SELECT unhex(replace(id, '-', '')), type, section, item, CAST(round(unixepoch(at, 'subsec') * 1000) AS INTEGER), ms, device_id,
           CAST(round(unixepoch(received_at, 'subsec') * 1000) AS INTEGER)
    FROM events ORDER BY received_at, at;
  DROP TABLE events;
  ALTER TABLE events_compact RENAME TO events;
  `,
  // 13: what lived on one node's disk or in its memory moves into the database, so every node sees
  // it and a restart keeps it. Pairing tickets: a code is unique while its row exists (waiting, or
  // approved and waiting for its screen's claim), so an approval by code finds exactly one ticket;
  // approved_at is set first, on its own, so two nodes racing to approve one code cannot both
  // win. Uploaded images: the re-encoded WebP itself, served by any node under its generated name.
  `
  CREATE TABLE pairing_tickets (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    secret_digest BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    address TEXT,
    user_agent TEXT,
    approved_at INTEGER,
    approved_token TEXT,
    approved_device TEXT
  );
  CREATE UNIQUE INDEX pairing_tickets_by_code ON pairing_tickets (code);
  CREATE INDEX pairing_tickets_by_expiry ON pairing_tickets (expires_at);

  CREATE TABLE media (
    name TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
  );
  `,
  // 14: the roadshow's state row carries a version, so a step is stored only over the state it was
  // decided from: two nodes can never both accept a step from the same phase (see saveState).
  `
  ALTER TABLE roadshow_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  `,
];

/** Applies the migrations the database has not seen yet (tracked in `PRAGMA user_version`). */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this showfloor (${MIGRATIONS.length}); upgrade showfloor.`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
