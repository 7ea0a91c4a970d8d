import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDbCopy } from '../../server/cli/db-copy-cli';
import { openLocation } from '../../server/cli/open-location';
import { Simulator } from '../../server/rehearsal/simulator';
import { copyDatabase, CopyRefusedError } from '../../server/storage/database-copy';
import { MIGRATIONS } from '../../server/storage/migrations';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import { dataTables } from '../../server/storage/table-catalog';
import type { PostgresServer } from '../support/postgres';
import { testPostgres } from '../support/test-storage';
import { createDevice, postEvents, signIn, startTestServer, visitEvent, type TestServer } from '../support/test-server';

/** Runs db:copy as `npm run db:copy -- …` would, with its output captured. */
async function dbCopy(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const capture = () => {
    let text = '';
    const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
    return { stream, text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  const code = await runDbCopy(argv, { stdout: stdout.stream, stderr: stderr.stream as unknown as NodeJS.WriteStream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The table db:copy prints, as `table → [source, target]`. */
function printedCounts(stdout: string): Map<string, [number, number]> {
  const rows = stdout.split('\n').flatMap((line) => {
    const match = /^(\w+)\s+(\d+)\s+(\d+)\s+(ok|DIFFERS)$/.exec(line);
    return match ? [[match[1]!, [Number(match[2]), Number(match[3])] as [number, number]] as const] : [];
  });
  return new Map(rows);
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'showfloor-copy-'));

/** Every row of every table of a SQLite data directory, in a stable order (what a round trip must give back). */
async function sqliteRows(dataDir: string): Promise<Record<string, unknown[]>> {
  const storage = openSqliteStorage({ dataDir });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const table of await dataTables(storage)) {
      rows[table.name] = storage.sqlite!.prepare(`SELECT * FROM "${table.name}" ORDER BY ${table.columns.map((c) => `"${c}"`).join(', ')}`).all();
    }
    return rows;
  } finally {
    await storage.close();
  }
}

/**
 * What the screens and the console show, without what differs between two servers by nature
 * (`seq` moves on at every start, the clock, which screens are connected right now).
 */
async function figures(url: string, cookie: string): Promise<Record<string, unknown>> {
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as any;
  };
  const { seq: _seq, serverTime: _time, publicUrl: _url, ...snapshot } = await get('/api/v1/snapshot');
  const devices = (await get('/api/v1/devices')).devices.map(({ online: _online, ...device }: Record<string, unknown>) => device);
  return {
    snapshot,
    devices,
    deals: await get('/api/v1/deals'),
    roadshow: await get('/api/v1/roadshow'),
    corrections: await get('/api/v1/counters/corrections'),
    announcements: await get('/api/v1/announcements'),
    groups: await get('/api/v1/groups'),
    schedule: await get('/api/v1/schedule'),
    users: await get('/api/v1/users'),
    content: await get('/api/v1/content'),
    history: await get('/api/v1/items/alpha-item-1/history'),
    audit: await get('/api/v1/audit?limit=1000'),
  };
}

/** Gives a SQLite show data in every table: a rehearsal's meetings and roadshow, and each console action once. */
async function playShow(server: TestServer, cookie: string): Promise<{ sensor: { id: string; token: string }; sentIds: string[]; image: string }> {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as any;
  };
  let seed = 7;
  const simulator = new Simulator(server.server, { speed: 6_000, random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646 });
  await simulator.start();
  const sensor = await createDevice(server.url, { name: 'Hall door', role: 'sensor' }, cookie);
  const door = await createDevice(server.url, { name: 'North door', role: 'door' }, cookie);
  const booth = await createDevice(server.url, { name: 'Booth A1', role: 'booth', section: 'alpha' }, cookie);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  const visits = [...Array.from({ length: 40 }, () => visitEvent()), visitEvent({ at: yesterday }), visitEvent({ section: 'beta' })];
  expect((await postEvents(server.url, sensor.token, { events: visits })).status).toBe(200);
  expect((await postEvents(server.url, door.token, { events: [visitEvent({ section: undefined, badge: 'BADGE-0001' })] })).status).toBe(200);
  expect((await postEvents(server.url, booth.token, { events: [{ id: crypto.randomUUID(), type: 'view', section: 'alpha', item: 'alpha-item-1', at: new Date().toISOString() }] })).status).toBe(200);
  const group = await call('POST', '/api/v1/groups', { name: 'Hall A kiosks', deviceIds: [booth.id] });
  await call('POST', '/api/v1/announcements', { text: { 'zh-CN': '请到A厅', en: 'Please come to hall A' }, target: 'group', groupId: group.id, urgent: false, untilWithdrawn: true });
  await call('POST', '/api/v1/schedule', { kind: 'item-publish', item: 'alpha-item-1', published: false, startsAt: new Date(Date.now() + 86_400_000).toISOString() });
  await call('POST', '/api/v1/counters/corrections', { delta: 5, section: 'alpha', reason: 'side door sensor was off' });
  // An uploaded image (its bytes are a row too) and two screens asking to be paired, one approved.
  const form = new FormData();
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5d66' } }).png().toBuffer();
  form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'stand.png');
  const uploaded = await fetch(`${server.url}/api/v1/images`, { method: 'POST', body: form, headers: { cookie } });
  expect(uploaded.status).toBe(201);
  const image = ((await uploaded.json()) as { src: string }).src;
  const ask = async () => (await (await fetch(`${server.url}/api/v1/pairing`, { method: 'POST' })).json()) as { code: string };
  await ask();
  await call('POST', '/api/v1/pairing/approve', { code: (await ask()).code, name: 'Stage right', role: 'stage' });
  const dayBefore = new Date(Date.now() - 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  await call('POST', '/api/v1/counters/reset', { day: dayBefore, confirm: dayBefore, reason: 'set-up day' });
  // The rehearsal plays on until the roadshow is revealed and an agreement is signed (scores, steps).
  const deadline = Date.now() + 60_000;
  const playedEnough = async () => {
    const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as any;
    return snapshot.roadshow.revealed === true && snapshot.deals.totals.agreements > 0;
  };
  while (!(await playedEnough())) {
    if (Date.now() > deadline) throw new Error('the rehearsal did not reveal the roadshow and sign an agreement within a minute');
    await new Promise((done) => setTimeout(done, 250));
  }
  simulator.stop();
  await server.server.services.ingest.drain();
  return { sensor, sentIds: visits.map((v) => v.id as string), image };
}

describe('db:copy moves a show between engines', () => {
  let postgres: PostgresServer;
  let source: TestServer;
  let cookie: string;
  let played: Awaited<ReturnType<typeof playShow>>;
  let before: Record<string, unknown>;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    const cluster = await testPostgres();
    cleanup.push(cluster.release);
    postgres = cluster.server;
    // The show starts on SQLite whichever engine the run is for (an empty DATABASE_URL is unset).
    source = await startTestServer({ DATA_DIR: tempDir(), DATABASE_URL: '' });
    cookie = await signIn(source.url);
    played = await playShow(source, cookie);
    await source.stop({ keepData: true });
    // The figures of the show as a server loads it from its database (a running server keeps some
    // lists in the order things happened; a restart reads them in the database's order).
    const again = await startTestServer({ DATA_DIR: source.dataDir, DATABASE_URL: '' });
    before = await figures(again.url, cookie);
    await again.stop({ keepData: true });
    cleanup.push(() => rmSync(source.dataDir, { recursive: true, force: true }));
  }, 120_000);
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  let pgUrl: string;
  it('copies a SQLite show with data in every table to PostgreSQL, every count checked', async () => {
    pgUrl = await postgres.createDatabase();
    cleanup.push(() => postgres.dropDatabase(pgUrl));
    const copied = await dbCopy('--from', source.dataDir, '--to', pgUrl);
    expect(copied.stderr).toContain('db:copy: copied:');
    expect(copied.code).toBe(0);
    const counts = printedCounts(copied.stdout);
    expect(counts.size).toBeGreaterThanOrEqual(29);
    expect([...counts.keys()]).toEqual(expect.arrayContaining(['media', 'pairing_tickets']));
    for (const [table, [from, to]] of counts) {
      expect(from, `${table} has rows to copy`).toBeGreaterThan(0);
      expect(to, table).toBe(from);
    }
    // The table names the target without its password.
    expect(copied.stdout).not.toContain(new URL(pgUrl).password || '\u0000');
  });

  let roundTrip: string;
  it('copies it back to SQLite row for row (text, integers, NULLs and 16-byte ids alike)', async () => {
    roundTrip = tempDir();
    cleanup.push(() => rmSync(roundTrip, { recursive: true, force: true }));
    expect((await dbCopy('--from', pgUrl, '--to', roundTrip)).code).toBe(0);
    expect(await sqliteRows(roundTrip)).toEqual(await sqliteRows(source.dataDir));
  });

  it('sizes batches by the bytes they hold, so a table of images is not read hundreds of rows at a time', async () => {
    const target = tempDirFor(cleanup);
    const from = openSqliteStorage({ dataDir: source.dataDir });
    const to = openSqliteStorage({ dataDir: target });
    const batches = new Map<string, number[]>();
    try {
      // A budget of one byte: after the first (small) batch, every batch is a single row.
      await copyDatabase(from, to, { batchBytes: 1, progress: { start: () => {}, copied: (table, rows) => void batches.set(table, [...(batches.get(table) ?? []), rows]) } });
    } finally {
      await from.close();
      await to.close();
    }
    const events = batches.get('events')!;
    expect(events.slice(0, 3)).toEqual([16, 17, 18]);
    expect(events.at(-1)).toBe(events.length + 15);
    expect(await sqliteRows(target)).toEqual(await sqliteRows(source.dataDir));
  });

  it('copies PostgreSQL to PostgreSQL just as well', async () => {
    const other = await postgres.createDatabase();
    cleanup.push(() => postgres.dropDatabase(other));
    expect((await dbCopy('--from', pgUrl, '--to', other)).code).toBe(0);
    const dump = tempDirFor(cleanup);
    expect((await dbCopy('--from', other, '--to', dump)).code).toBe(0);
    expect(await sqliteRows(dump)).toEqual(await sqliteRows(source.dataDir));
  });

  it('serves the same show from PostgreSQL: every figure on the screens and in the console matches', async () => {
    const onPostgres = await startTestServer({ DATABASE_URL: pgUrl });
    try {
      // The settings came along: the operator's session (signed by the copied secret) still holds.
      expect(await figures(onPostgres.url, cookie)).toEqual(before);
      // The upload came along with the rows: this server has never seen the source's disk.
      const served = await fetch(`${onPostgres.url}/media/${played.image}`);
      expect(served.status).toBe(200);
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(64);
      // Events keep their ids: a retry of one counted on SQLite is a duplicate here, a new one counts.
      const resend = await postEvents(onPostgres.url, played.sensor.token, { events: [visitEvent({ id: played.sentIds[0] }), visitEvent()] });
      expect(resend.body).toEqual({ accepted: 1, duplicates: 1 });
      // Identity sequences were moved past the copied rows: new audit entries and events go in.
      const announced = await fetch(`${onPostgres.url}/api/v1/announcements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ text: { 'zh-CN': '欢迎', en: 'Welcome' }, target: 'all', urgent: false, untilWithdrawn: true }),
      });
      expect(announced.status).toBe(201);
    } finally {
      await onPostgres.stop({ keepData: true });
    }
  });

  it('serves the same show from the copy back on SQLite', async () => {
    const back = await startTestServer({ DATA_DIR: roundTrip, DATABASE_URL: '' });
    try {
      expect(await figures(back.url, cookie)).toEqual(before);
    } finally {
      await back.stop({ keepData: true });
    }
  });

  it('refuses a target that holds data, and with --replace swaps it whole', async () => {
    const refused = await dbCopy('--from', source.dataDir, '--to', roundTrip);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The target already holds data \(.*users: \d+.*\); give --replace/);
    const replaced = await dbCopy('--from', source.dataDir, '--to', roundTrip, '--replace');
    expect(replaced.code).toBe(0);
    expect(await sqliteRows(roundTrip)).toEqual(await sqliteRows(source.dataDir));
  });

  it('rolls everything back when a row fails on the target: the target stays as it was', async () => {
    const target = await postgres.createDatabase();
    cleanup.push(() => postgres.dropDatabase(target));
    expect((await dbCopy('--from', source.dataDir, '--to', target)).code).toBe(0);
    const dump = async () => {
      const dir = tempDirFor(cleanup);
      expect((await dbCopy('--from', target, '--to', dir)).code).toBe(0);
      return sqliteRows(dir);
    };
    const held = await dump();
    // A source that SQLite accepted but PostgreSQL cannot take: text in an integer column of the
    // last table copied, so everything else was already deleted and written again when it fails.
    const broken = tempDirFor(cleanup);
    expect((await dbCopy('--from', source.dataDir, '--to', broken)).code).toBe(0);
    const db = new Database(join(broken, 'showfloor.sqlite'));
    db.prepare("UPDATE users SET disabled = 'not a number'").run();
    db.close();
    const failed = await dbCopy('--from', broken, '--to', target, '--replace');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('db:copy: rolled back');
    expect(await dump()).toEqual(held);
  });

  it('checks every count before it commits: rows that vanish on the way roll the copy back, exit 1', async () => {
    const target = await postgres.createDatabase();
    cleanup.push(() => postgres.dropDatabase(target));
    // A rule on the target that swallows one table's inserts: the statements succeed, the rows are not there.
    const storage = await openLocation({ engine: 'postgres', url: target });
    await storage.pg!.query('CREATE RULE swallow AS ON INSERT TO day_resets DO INSTEAD NOTHING');
    const failed = await dbCopy('--from', source.dataDir, '--to', target);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Row counts differ after the copy (day_resets); the target was left as it was.');
    const [from, to] = printedCounts(failed.stdout).get('day_resets')!;
    expect(from).toBeGreaterThan(0);
    expect(to).toBe(0);
    expect(failed.stdout).toMatch(/^day_resets\s+\d+\s+0\s+DIFFERS$/m);
    const { rows } = await storage.pg!.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(rows[0]!.n).toBe(0);
    await storage.close();
  });
});

function tempDirFor(cleanup: (() => Promise<void> | void)[]): string {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('db:copy refuses what it cannot do, naming the option', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    await openSqliteStorage({ dataDir }).close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [[], '--from is missing'],
    [['--from', 'DIR'], '--to is missing'],
    [['--from', 'DIR', '--to', 'mysql://root:hunter2@db/show'], '--to: mysql:// is not an engine showfloor runs on'],
    [['--from', 'DIR', '--to', 'postgres://[bad'], '--to is not a valid URL'],
    [['--from', '/nonexistent/showfloor', '--to', 'DIR'], '--from: there is no showfloor database in /nonexistent/showfloor'],
    [['--from', 'DIR', '--to', 'DIR/.'], '--from and --to name the same database'],
    [['--from', 'DIR', '--to', 'OTHER', '--form', 'x'], "Unknown option '--form'"],
  ])('%j', async (argv, message) => {
    const other = tempDir();
    try {
      const result = await dbCopy(...argv.map((a) => a.replace('DIR', dataDir).replace('OTHER', other)));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('usage: npm run db:copy');
      expect(result.stderr).not.toContain('hunter2');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses the same PostgreSQL database under two spellings of its URL', async () => {
    const result = await dbCopy('--from', 'postgres://a:x@Db.example.org/show', '--to', 'postgresql://b:y@db.example.org:5432/show');
    expect(result.stderr).toContain('--from and --to name the same database (postgres://a@Db.example.org/show)');
  });

  it('refuses databases at different schema versions before writing anything', async () => {
    const otherDir = tempDir();
    const from = openSqliteStorage({ dataDir });
    const to = openSqliteStorage({ dataDir: otherDir });
    try {
      to.sqlite!.pragma('user_version = 11');
      await expect(copyDatabase(from, to)).rejects.toThrow(
        new CopyRefusedError(`The source is at schema version ${MIGRATIONS.length} and the target at 11: both must run the same showfloor.`),
      );
    } finally {
      await from.close();
      await to.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('names the option whose database cannot be opened', async () => {
    const result = await dbCopy('--from', dataDir, '--to', 'postgres://showfloor:secret@127.0.0.1:1/nowhere');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('db:copy: --to (postgres://showfloor@127.0.0.1:1/nowhere): ');
    expect(result.stderr).not.toContain('secret');
  });
});
