import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ADMIN_PASSWORD, databaseEnv, FIXTURE_CONTENT } from './test-server';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Runs `server/main.ts` as its own Node process (one process, so a SIGKILL really kills the
 * server) and resolves once it prints the address it listens on.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // On PostgreSQL a DATA_DIR stands for its database too, as in startTestServer.
  const database = env.DATA_DIR && !env.DATABASE_URL ? await databaseEnv(env.DATA_DIR) : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONTENT_DIR: FIXTURE_CONTENT, SHOWFLOOR_ADMIN_PASSWORD: ADMIN_PASSWORD, ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: `http://127.0.0.1:${match[1]}`, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
