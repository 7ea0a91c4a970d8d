import pLimit from 'p-limit';
import { AppError } from '../platform/errors';

export interface PasswordGateLimits {
  /** Password hashes computed at once (each scrypt takes ~128 MB and a core for a few hundred ms). */
  concurrent: number;
  /** Addresses waiting for a turn; beyond this the server is saturated and says so at once. */
  waiting: number;
  /** Checks one address may have running or queued behind each other; more are refused at once. */
  perAddress: number;
}

export const PASSWORD_GATE_DEFAULTS: PasswordGateLimits = { concurrent: 2, waiting: 8, perAddress: 4 };

/**
 * Admits password checks (sign-in) to a bounded, fair queue. A flood of bogus sign-ins from one
 * address would otherwise run dozens of scrypt hashes in parallel (hundreds of MB, every core) and
 * make a real operator wait seconds. Here each address has its own lane: its checks run one after
 * another and only the lane's head waits in the shared queue, so an operator from another address
 * waits for at most the checks already running — not for the flood. Beyond `perAddress` a lane
 * answers 429 at once; when `waiting` addresses already wait, everyone gets 503 at once. Memory
 * stays at `concurrent` hashes.
 */
export class PasswordGate {
  private readonly limit;
  private readonly lanes = new Map<string, { tail: Promise<unknown>; size: number }>();

  constructor(private readonly limits: PasswordGateLimits = PASSWORD_GATE_DEFAULTS) {
    this.limit = pLimit(limits.concurrent);
  }

  /** Runs `check` when its turn comes, or throws 429/503 right away when this caller must not wait. */
  async run<T>(address: string, check: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(address) ?? { tail: Promise.resolve(), size: 0 };
    if (lane.size >= this.limits.perAddress) {
      throw new AppError(429, 'too_many_attempts', 'Sign-ins from your address are still being checked; wait for their answers');
    }
    if (lane.size === 0 && this.limit.pendingCount >= this.limits.waiting) {
      throw new AppError(503, 'busy', 'The server is checking many sign-ins right now; try again in a second');
    }
    lane.size++;
    this.lanes.set(address, lane);
    // The lane's next check enters the shared queue only when its previous one is done.
    const result = lane.tail.then(() => this.limit(check));
    lane.tail = result.catch(() => undefined);
    try {
      return await result;
    } finally {
      if (--lane.size === 0 && this.lanes.get(address) === lane) this.lanes.delete(address);
    }
  }
}
