/** The answer of a token bucket: taken, or refused with how long until the cost would fit. */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface TokenBucketOptions {
  /** Tokens the bucket holds when full: the burst a client may spend at once. */
  capacity: number;
  /** Tokens added per second, up to `capacity`: the sustained rate. */
  refillPerSecond: number;
  now: () => number;
}

/**
 * A token bucket: a client may spend up to `capacity` at once, then `refillPerSecond` on average.
 * Unlike a fixed window it has no edge where twice the limit passes, and a cost can be weighed
 * (a post of 500 events costs 500). Pure apart from the injected clock.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.tokens = options.capacity;
    this.updatedAt = options.now();
  }

  /** Spends `cost` tokens if there are that many; otherwise spends nothing. */
  take(cost = 1): TakeResult {
    this.refill();
    if (cost <= this.tokens) {
      this.tokens -= cost;
      return { ok: true };
    }
    // A cost larger than the whole bucket can never fit: say when the bucket is full again.
    const missing = Math.min(cost, this.options.capacity) - this.tokens;
    return { ok: false, retryAfterMs: Math.ceil((missing / this.options.refillPerSecond) * 1000) };
  }

  /** True when the bucket is full again, i.e. forgetting it changes nothing (for pruning). */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.options.capacity;
  }

  private refill(): void {
    const now = this.options.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.options.capacity, this.tokens + elapsed * this.options.refillPerSecond);
    this.updatedAt = now;
  }
}
