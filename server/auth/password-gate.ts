import pLimit from 'p-limit';
import { AppError } from '../platform/errors';

export interface PasswordGateLimits {
  /** Password hashes computed at once (each scrypt takes ~128 MB and a core for ~0.2 s). */
  concurrent: number;
  /** Checks waiting for a turn; beyond this the server is saturated and says so at once. */
  waiting: number;
  /** Checks one address may have running or waiting; a client does not need more than one. */
  perAddress: number;
}

export const PASSWORD_GATE_DEFAULTS: PasswordGateLimits = { concurrent: 2, waiting: 8, perAddress: 2 };

/**
 * Admits password checks (sign-in) to a bounded queue. A flood of bogus sign-ins from one
 * address would otherwise run dozens of scrypt hashes in parallel (hundreds of MB, every core)
 * and make a real operator wait seconds; here it gets 429 at once beyond its share, everyone
 * gets 503 at once when the queue is full, and memory stays at `concurrent` hashes.
 */
export class PasswordGate {
  private readonly limit;
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: PasswordGateLimits = PASSWORD_GATE_DEFAULTS) {
    this.limit = pLimit(limits.concurrent);
  }

  /** Runs `check` when a slot is free, or throws 429/503 right away when this caller must not wait. */
  async run<T>(address: string, check: () => Promise<T>): Promise<T> {
    const mine = this.perAddress.get(address) ?? 0;
    if (mine >= this.limits.perAddress) {
      throw new AppError(429, 'too_many_attempts', 'A sign-in from your address is still being checked; wait for its answer');
    }
    if (this.limit.pendingCount >= this.limits.waiting) {
      throw new AppError(503, 'busy', 'The server is checking many sign-ins right now; try again in a second');
    }
    this.perAddress.set(address, mine + 1);
    try {
      return await this.limit(check);
    } finally {
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left <= 0) this.perAddress.delete(address);
      else this.perAddress.set(address, left);
    }
  }
}
