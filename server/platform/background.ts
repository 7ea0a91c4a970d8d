import type { StorageHealth } from '../storage/storage-health';
import type { Logger } from './logger';

/** Per task, at most one log line in this time: a failing timer must not fill the disk with logs. */
const LOG_EVERY_MS = 60_000;

/**
 * Runs work that no request waits for — timers, socket handlers, what follows a commit — so that
 * a failure is logged (and reported to the storage health when it is a storage fault) instead of
 * escaping as an uncaught exception that would end the process and the show with it.
 */
export class BackgroundTasks {
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly deps: { logger: Logger; storage: StorageHealth; now: () => number }) {}

  /** Runs `fn`; on failure returns undefined. */
  run<T>(task: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.failed(task, error);
      return undefined;
    }
  }

  /** Runs asynchronous `fn`; on failure (thrown or rejected) resolves with undefined. Never rejects. */
  async runAsync<T>(task: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      this.failed(task, error);
      return undefined;
    }
  }

  /** Records a failure of `task` (logged at most once a minute per task). */
  failed(task: string, error: unknown): void {
    if (this.deps.storage.report(error)) return;
    const now = this.deps.now();
    if (now - (this.lastLogged.get(task) ?? -Infinity) < LOG_EVERY_MS) return;
    this.lastLogged.set(task, now);
    this.deps.logger.error({ err: error, task }, 'background task failed');
  }
}
