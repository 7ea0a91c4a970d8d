import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/** A private Redis this process started. */
export interface RedisInstance {
  url: string;
  port: number;
  /** Stops it (SIGKILL with `{ crash: true }`, as a machine failure would) and removes its directory. */
  stop(options?: { crash?: boolean }): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/**
 * Starts redis-server on a free port of 127.0.0.1 in a temp directory, without persistence (what
 * the cluster keeps in Redis is rebuilt by the nodes). Never touches a system Redis. Missing
 * binary: an error that says how to get one, never a skip. `port` restarts one where another was.
 */
export async function startRedis(options: { port?: number } = {}): Promise<RedisInstance> {
  if (!existsSync(REDIS_SERVER) || spawnSync(REDIS_SERVER, ['--version']).status !== 0) {
    throw new Error(`redis-server not found at ${REDIS_SERVER}: install it with "apt-get install -y redis-server" (or set REDIS_SERVER_PATH)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'showfloor-redis-'));
  // A given port: a Redis restarted where the nodes knew it.
  const port = options.port ?? (await freePort());
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output.slice(-2000)}`)), 10_000);
    const check = setInterval(() => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 20);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`redis-server exited (${code}):\n${output.slice(-2000)}`));
    });
  });
  // The test process may end without stop(): the server goes with it.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(options = {}) {
      process.off('exit', kill);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(options.crash ? 'SIGKILL' : 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
