import { fork, type ChildProcess } from 'node:child_process';

/**
 * A child process running a TypeScript module (through tsx's loader) with a typed IPC channel.
 * Servers and clients live in children so that neither steals the other's event loop.
 */
export interface Child<In, Out extends { type: string }> {
  readonly pid: number | undefined;
  send(message: In): void;
  /** Resolves with the next message of `type` (buffered if it already came); rejects on timeout, an `error` message or exit. */
  next<T extends Out['type']>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

interface Waiter<Out> {
  type: string;
  resolve: (message: Out) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function forkTs<In, Out extends { type: string }>(modulePath: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Child<In, Out> {
  const child: ChildProcess = fork(modulePath, [], {
    execArgv: ['--import', 'tsx', ...nodeArgs],
    env: { ...process.env, ...env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const buffered: Out[] = [];
  const waiters: Waiter<Out>[] = [];
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitedPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      for (const w of waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new Error(`${modulePath} exited (code ${code}, signal ${signal}) while the bench waited for "${w.type}"`));
      }
      resolve(code);
    });
  });

  // Our own children send only `Out`; the cast is the IPC boundary.
  child.on('message', (raw) => {
    const message = raw as Out;
    if (message.type === 'error') {
      const error = new Error(`${modulePath}: ${(message as { message?: string }).message ?? 'failed'}`);
      for (const w of waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(error);
      }
      return;
    }
    const index = waiters.findIndex((w) => w.type === message.type);
    if (index >= 0) {
      const [w] = waiters.splice(index, 1);
      clearTimeout(w!.timer);
      w!.resolve(message);
    } else {
      buffered.push(message);
    }
  });

  return {
    pid: child.pid,
    send(message) {
      child.send(message as object);
    },
    next(type, timeoutMs) {
      const index = buffered.findIndex((m) => m.type === type);
      if (index >= 0) return Promise.resolve(buffered.splice(index, 1)[0] as Extract<Out, { type: typeof type }>);
      if (exited) return Promise.reject(new Error(`${modulePath} has exited (code ${exited.code})`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const at = waiters.findIndex((w) => w.timer === timer);
          if (at >= 0) waiters.splice(at, 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for "${type}" from ${modulePath}`));
        }, timeoutMs);
        waiters.push({ type, resolve: resolve as (m: Out) => void, reject, timer });
      });
    },
    async stop(graceMs = 10_000) {
      if (exited) return exited.code;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exitedPromise;
      clearTimeout(killer);
      return code;
    },
  };
}
