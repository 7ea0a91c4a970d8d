import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A redis-server this process started. */
export interface RedisServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Stops it (SIGKILL with `crash`, as a machine failure would) and waits for its exit. */
  stop(options?: { crash?: boolean }): Promise<void>;
}

/** Where redis-server is: REDIS_SERVER_PATH, else Debian's. */
export function redisServerPath(env: Record<string, string | undefined> = process.env): string {
  return env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
}

/**
 * Starts redis-server on 127.0.0.1:`port` with its files in `dir`, without persistence (what a
 * cluster keeps in Redis is rebuilt by the nodes). Never touches a system Redis. A missing
 * binary is an error that says how to get one. `detached`: in a process group of its own, so a
 * terminal's Ctrl-C reaches only the caller, which stops it in its turn.
 */
export async function startRedisServer(options: { port: number; dir: string; detached?: boolean }): Promise<RedisServerProcess> {
  const binary = redisServerPath();
  if (!existsSync(binary) || spawnSync(binary, ['--version']).status !== 0) {
    throw new Error(`redis-server not found at ${binary}: install it with "apt-get install -y redis-server" (or set REDIS_SERVER_PATH)`);
  }
  const { port, dir } = options;
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
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
  // Its output is only needed to see it start; keep reading so a full pipe never blocks it.
  return {
    child,
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(stopOptions = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(stopOptions.crash ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}
