import type { Logger } from '../platform/logger';
import { storageFaultOf, type StorageFault } from './storage-faults';

/** How often a degraded server tries a small write to notice that space came back. */
const PROBE_INTERVAL_MS = 5_000;

/**
 * Whether the server can write right now. Any part that meets a storage fault reports it here;
 * from then on /readyz says why, and a small probe write every few seconds notices when space
 * returns, so writing resumes by itself and the server never needs a restart for it. Reads and
 * what screens are sent keep working all along: they come from memory and from the database file,
 * which a full disk does not take away.
 */
export class StorageHealth {
  private fault: (StorageFault & { since: number }) | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private lastLoggedAt = -Infinity;

  constructor(
    private readonly deps: {
      /** A tiny durable write that succeeds once the storage takes writes again. */
      probe: () => Promise<void>;
      logger: Logger;
      now: () => number;
      probeIntervalMs?: number;
    },
  ) {}

  /** Records `error` if it is a storage fault; returns the fault (to answer with) or undefined. */
  report(error: unknown): StorageFault | undefined {
    const fault = storageFaultOf(error);
    if (!fault) return undefined;
    if (!this.fault) {
      this.fault = { ...fault, since: this.deps.now() };
      // A nearly full disk flaps (a small write fits, the next does not): one line a minute is enough.
      if (this.fault.since - this.lastLoggedAt >= 60_000) {
        this.lastLoggedAt = this.fault.since;
        this.deps.logger.error({ err: error, code: fault.code }, 'storage refuses writes; answering 503 until it recovers');
      }
      this.probeTimer = setInterval(() => void this.probe(), this.deps.probeIntervalMs ?? PROBE_INTERVAL_MS);
      this.probeTimer.unref();
    }
    return fault;
  }

  /** Why writes fail now, for /readyz; undefined when the storage is healthy. */
  problem(): string | undefined {
    if (!this.fault) return undefined;
    return `storage: ${this.fault.code} since ${new Date(this.fault.since).toISOString()} (writes answer 503; reads and screens keep working)`;
  }

  close(): void {
    clearInterval(this.probeTimer);
  }

  private async probe(): Promise<void> {
    try {
      await this.deps.probe();
    } catch (error) {
      if (storageFaultOf(error)) return;
      this.deps.logger.error({ err: error }, 'storage probe failed');
      return;
    }
    if (!this.fault) return; // a probe of an earlier fault finished after this one was cleared
    if (this.lastLoggedAt === this.fault.since) this.deps.logger.info({ downSeconds: Math.round((this.deps.now() - this.fault.since) / 1000) }, 'storage takes writes again');
    this.fault = undefined;
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }
}
