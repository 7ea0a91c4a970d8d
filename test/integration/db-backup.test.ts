import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDbBackup } from '../../server/cli/db-backup-cli';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

async function dbBackup(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stream = (key: keyof typeof out) => new Writable({ write: (chunk, _encoding, done) => ((out[key] += String(chunk)), done()) });
  const code = await runDbBackup(argv, env, { stdout: stream('stdout'), stderr: stream('stderr') });
  return { code, ...out };
}

describe('db:backup', () => {
  let t: TestServer;
  let backups: string;
  beforeAll(async () => {
    t = await startTestServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'showfloor-backup-')) });
    backups = mkdtempSync(join(tmpdir(), 'showfloor-backups-'));
  });
  afterAll(async () => {
    await t.stop();
    rmSync(backups, { recursive: true, force: true });
  });

  it('copies the SQLite database while the show goes on writing, with every acknowledged event', async () => {
    const sensor = await createDevice(t.url);
    const acknowledged: string[] = [];
    const post = async () => {
      const events = Array.from({ length: 50 }, () => visitEvent());
      expect((await postEvents(t.url, sensor.token, { events })).status).toBe(200);
      acknowledged.push(...events.map((e) => e.id as string));
    };
    await post();
    // Posts keep coming while the backup runs; those acknowledged before it started must be in it.
    const before = acknowledged.length;
    const writing = Promise.all([post(), post(), post()]);
    const file = join(backups, 'show.sqlite');
    const result = await dbBackup(['--to', file], { DATA_DIR: t.dataDir });
    await writing;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .*showfloor\.sqlite to .*show\.sqlite \(.* MB, schema version \d+, integrity checked\)\n$/);
    const copy = new Database(file, { readonly: true });
    try {
      const events = (copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      expect(events).toBeGreaterThanOrEqual(before);
      expect(events).toBeLessThanOrEqual(acknowledged.length);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('never overwrites a file, and says what is wrong', async () => {
    const existing = join(backups, 'show.sqlite');
    expect(existsSync(existing)).toBe(true);
    const cases: [string[], Record<string, string>, string][] = [
      [['--to', existing], { DATA_DIR: t.dataDir }, 'already exists; a backup never overwrites a file'],
      [[], { DATA_DIR: t.dataDir }, '--to is missing'],
      [['--to', join(backups, 'no-such-folder', 'x.sqlite')], { DATA_DIR: t.dataDir }, 'does not exist'],
      [['--to', join(backups, 'y.sqlite')], { DATA_DIR: join(backups, 'empty') }, 'DATA_DIR: there is no showfloor database'],
      [['--to', join(backups, 'z.sqlite')], { DATA_DIR: t.dataDir, DATABASE_URL: 'postgres://u:p@db/show' }, 'back it up with pg_dump -Fc'],
    ];
    for (const [argv, env, message] of cases) {
      const result = await dbBackup(argv, env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });
});
