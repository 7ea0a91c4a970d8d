import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../server/cli/ports';
import { startRedisServer } from '../../server/cli/redis-server';

/** A private Redis this process started. */
export interface RedisInstance {
  url: string;
  port: number;
  /** Stops it (SIGKILL with `{ crash: true }`, as a machine failure would) and removes its directory. */
  stop(options?: { crash?: boolean }): Promise<void>;
}

/**
 * Starts redis-server (server/cli/redis-server.ts) on a free port of 127.0.0.1 in a temp
 * directory. Missing binary: an error that says how to get one, never a skip. `port` restarts
 * one where another was.
 */
export async function startRedis(options: { port?: number } = {}): Promise<RedisInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'showfloor-redis-'));
  const port = options.port ?? (await freePort());
  let server;
  try {
    server = await startRedisServer({ port, dir });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // The test process may end without stop(): the server goes with it.
  const kill = () => server.child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    url: server.url,
    port,
    async stop(stopOptions = {}) {
      process.off('exit', kill);
      await server.stop(stopOptions);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
