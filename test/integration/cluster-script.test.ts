import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, type ClusterState } from '../../server/cli/cluster-state';
import { freePort } from '../support/free-port';

const ROOT = resolve(import.meta.dirname, '../..');

/** `npm run cluster` as an operator runs it, on free ports and a data folder of its own (PostgreSQL only: see vitest.config.ts). */
describe('npm run cluster', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-cluster-script-'));
  let cluster: ChildProcess;
  let output = '';
  let port: number;
  const state = () => JSON.parse(readFileSync(join(dataDir, 'cluster.json'), 'utf8')) as ClusterState;
  const everyPid = (s: ClusterState) => [s.pid, ...s.nodes.map((n) => n.pid!), ...Object.values(s.services)];
  const ctrlC = () => {
    try {
      process.kill(-cluster.pid!, 'SIGINT');
    } catch {
      // The group has already gone.
    }
  };
  const kill = () => spawnSync('npm', ['run', '--silent', 'cluster', '--', '--kill', '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });

  beforeAll(async () => {
    // PostgreSQL runs as its own user under root, and must reach its folder inside this one.
    chmodSync(dataDir, 0o755);
    // The nodes run the built server; a full build (pages too) is what the script would run, but the
    // server bundle is all this test needs, and CI builds everything before the tests anyway.
    if (!existsSync(join(ROOT, 'dist/server/main.js'))) expect(spawnSync('npm', ['run', 'build:server'], { cwd: ROOT }).status).toBe(0);
    port = await freePort();
    // A process group of its own, as a terminal gives it: Ctrl-C is a SIGINT to that whole group.
    cluster = spawn('npm', ['run', 'cluster', '--', '--port', String(port), '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    cluster.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cluster.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((done, failed) => {
      const timer = setTimeout(() => failed(new Error(`npm run cluster did not come up within 110 s:\n${output}`)), 110_000);
      const check = setInterval(() => {
        if (!/showfloor cluster is up|npm run cluster: /.test(output)) return;
        clearInterval(check);
        clearTimeout(timer);
        if (output.includes('showfloor cluster is up')) done();
        else failed(new Error(output));
      }, 200);
    });
  }, 120_000);

  afterAll(async () => {
    if (cluster?.exitCode === null && cluster.signalCode === null) {
      ctrlC();
      await new Promise((r) => cluster.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the show through HAProxy, and prints the admin password and URLs', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(output).toMatch(/sign in as admin with password: \S{8,}/);
    expect(output).toContain(`http://localhost:${port}/console/`);
    expect(state().nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('kills a random node with --kill, says which, and starts it again', async () => {
    const before = state();
    const result = kill();
    expect(result.status).toBe(0);
    const [, victim, pid] = /Killed (node-\d) \(pid (\d+)/.exec(result.stdout) ?? [];
    expect(victim).toBeDefined();
    await expect.poll(() => isAlive(Number(pid)), { timeout: 5_000 }).toBe(false);
    // The others carry the show meanwhile.
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await expect.poll(() => output, { timeout: 30_000 }).toContain(`${victim} is back`);
    const after = state().nodes.find((n) => n.id === victim)!;
    expect(after.pid).not.toBe(before.nodes.find((n) => n.id === victim)!.pid);
    expect(isAlive(after.pid!)).toBe(true);
  }, 60_000);

  it('stops everything it started on Ctrl-C', async () => {
    const pids = everyPid(state());
    expect(pids.every(isAlive)).toBe(true);
    ctrlC();
    // npm itself ends by the SIGINT, as in a terminal; what matters is that the script stopped everything in order.
    await expect.poll(() => output, { timeout: 30_000 }).toContain('Stopped.');
    await expect.poll(() => pids.filter(isAlive), { timeout: 10_000 }).toEqual([]);
    expect(existsSync(join(dataDir, 'cluster.json'))).toBe(false);
    expect(kill().stderr).toMatch(/No cluster is running from/);
  }, 60_000);
});
