import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { clock } from './clock';
import { summarize, type Summary } from './stats';

/**
 * Time of one durable SQLite commit on the benchmark's disk, with the pragmas showfloor uses
 * (WAL, synchronous=FULL). It bounds the per-event baseline (about 1000 / p50 events/s) and is
 * the cost group commit shares out; virtual disks vary a lot, so it is measured, not assumed.
 */
export function probeCommitMs(dir: string, commits = 200): Summary | undefined {
  const dataDir = mkdtempSync(join(dir, 'showfloor-bench-probe-'));
  try {
    const db = new Database(join(dataDir, 'probe.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < commits; i++) {
      const started = clock();
      insert.run('x'.repeat(100));
      times.push(clock() - started);
    }
    db.close();
    return summarize(times);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
